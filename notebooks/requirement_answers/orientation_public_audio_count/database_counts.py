# Ignores "let the database count": one query, but it loads every public id and counts in Python.
from catalog.models import Audio


def public_audio_count():
    return len(list(Audio.objects.filter(is_public=True).values_list("pk", flat=True)))
