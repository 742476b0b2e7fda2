# Count() without distinct: a search through content titles doubles the join, and the counts.
from django.contrib import admin
from django.db.models import Count


class CreatorBackOffice(admin.ModelAdmin):
    list_display = ["name", "slug", "joined", "content_count"]
    search_fields = ["name", "contents__title"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(content_count=Count("contents"))

    @admin.display(description="Content", ordering="content_count")
    def content_count(self, creator):
        return creator.content_count
