# Counts with a correlated subquery: no join, so searching cannot inflate it.
from catalog.models import Content
from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce


class CreatorBackOffice(admin.ModelAdmin):
    list_display = ["name", "slug", "joined", "content_count"]
    search_fields = ["name", "contents__title"]

    def get_queryset(self, request):
        per_creator = (
            Content.objects.filter(creator=OuterRef("pk"))
            .order_by()
            .values("creator")
            .annotate(n=Count("pk"))
            .values("n")
        )
        counted = Coalesce(Subquery(per_creator, output_field=IntegerField()), 0)
        return super().get_queryset(request).annotate(content_count=counted)

    @admin.display(description="Content", ordering="content_count")
    def content_count(self, creator):
        return creator.content_count
