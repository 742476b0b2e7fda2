# Expects bulk_create() to send post_save so that the Task 1 receiver makes the profiles.
from catalog.models import Creator


def import_creators(rows):
    return Creator.objects.bulk_create([Creator(**row) for row in rows])
