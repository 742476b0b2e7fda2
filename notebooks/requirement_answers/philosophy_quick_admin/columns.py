# Leaves the slug column out.
from django.contrib import admin
from django.db.models import Count


class CreatorBackOffice(admin.ModelAdmin):
    list_display = ["name", "joined", "content_count"]
    search_fields = ["name", "contents__title"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.annotate(content_count=Count("contents", distinct=True))

    @admin.display(description="Content", ordering="content_count")
    def content_count(self, creator):
        return creator.content_count
