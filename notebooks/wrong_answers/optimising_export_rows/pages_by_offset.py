# Pages through the table with slices: one query per page, each with a growing OFFSET.
from catalog.models import Content


def export_rows():
    """Yield (slug, creator name, plays) for every content item by id, in chunks."""
    rows = Content.objects.order_by("pk").values_list("slug", "creator__name", "plays")
    start = 0
    while True:
        page = list(rows[start : start + 1_000])
        yield from page
        if len(page) < 1_000:
            return
        start += 1_000
