# Sorts by a subquery expression but reads each row's count with a query of its own.
from catalog.models import Content
from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

CONTENT_COUNT = Coalesce(
    Subquery(
        Content.objects.filter(creator=OuterRef("pk"))
        .order_by()
        .values("creator")
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    ),
    0,
)


class CreatorBackOffice(admin.ModelAdmin):
    list_display = ["name", "slug", "joined", "content_count"]
    search_fields = ["name", "contents__title"]

    @admin.display(description="Content", ordering=CONTENT_COUNT)
    def content_count(self, creator):
        return creator.contents.count()
