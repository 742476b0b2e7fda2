# Saves creators one by one so that post_save makes the profiles: queries grow with the rows.
from catalog.models import Creator


def import_creators(rows):
    return [Creator.objects.create(**row) for row in rows]
