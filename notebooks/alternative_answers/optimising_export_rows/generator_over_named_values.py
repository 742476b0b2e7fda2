# Correct too: a generator over values() dicts in chunks of 1,000, turned into tuples.
from catalog.models import Content


def export_rows():
    """Yield (slug, creator name, plays) for every content item by id, in chunks."""
    rows = Content.objects.order_by("id").values("slug", "creator__name", "plays")
    for row in rows.iterator(chunk_size=1_000):
        yield row["slug"], row["creator__name"], row["plays"]
