# Counts private audio too.
from catalog.models import Audio


def public_audio_count():
    return Audio.objects.count()
