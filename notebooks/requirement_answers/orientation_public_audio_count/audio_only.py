# Ignores "Audio": counts every public Content item, video and plain content too.
from catalog.models import Content


def public_audio_count():
    return Content.objects.filter(is_public=True).count()
