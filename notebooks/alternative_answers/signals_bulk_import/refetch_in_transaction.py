# Without relying on bulk_create() setting pks: re-read the new creators, all in one transaction.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from catalog.models import Creator
from django.db import transaction


def import_creators(rows):
    with transaction.atomic():
        Creator.objects.bulk_create([Creator(**row) for row in rows])
        creators = list(Creator.objects.filter(slug__in=[row["slug"] for row in rows]))
        CreatorProfile.objects.bulk_create(
            CreatorProfile(creator=creator, display_name=creator.name) for creator in creators
        )
    return creators
