# Searches creators by name only, not by their content titles.
from django.contrib import admin
from django.db.models import Count


class CreatorBackOffice(admin.ModelAdmin):
    list_display = ["name", "slug", "joined", "content_count"]
    search_fields = ["name"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.annotate(content_count=Count("contents", distinct=True))

    @admin.display(description="Content", ordering="content_count")
    def content_count(self, creator):
        return creator.content_count
