# No upsert: find the existing slugs, bulk_update() those and bulk_create() the rest.
from catalog.models import Content, Creator


def import_feed(rows):
    """Insert new content and update the title and plays of existing content, by slug."""
    existing = {c.slug: c for c in Content.objects.filter(slug__in=[row["slug"] for row in rows])}
    creators = dict(
        Creator.objects.filter(slug__in=[row["creator"] for row in rows]).values_list("slug", "pk")
    )
    changed, new = [], []
    for row in rows:
        content = existing.get(row["slug"])
        if content is None:
            new.append(
                Content(
                    slug=row["slug"],
                    title=row["title"],
                    creator_id=creators[row["creator"]],
                    published=row["published"],
                    plays=row["plays"],
                )
            )
        else:
            content.title, content.plays = row["title"], row["plays"]
            changed.append(content)
    Content.objects.bulk_update(changed, ["title", "plays"])
    Content.objects.bulk_create(new)
