# Memoises in the Python process with functools.lru_cache: not Django's cache, never invalidated.
from functools import lru_cache

from catalog.models import Tag
from django.db.models import Count, Sum


@lru_cache(maxsize=1)
def popular_tags_data():
    """Return the top tags as (name, plays, content count) tuples, cached until a write."""
    ranked = (
        Tag.objects.annotate(content_count=Count("contents"), plays=Sum("contents__plays"))
        .filter(content_count__gt=0)
        .order_by("-plays", "name")
    )
    return list(ranked.values_list("name", "plays", "content_count")[:10])
