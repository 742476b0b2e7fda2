# Ignores "only plain content": an Audio is overwritten, a Video becomes an Audio too.
from catalog import models as catalog


def promote_to_audio(content, duration_seconds):
    fresh = catalog.Content.objects.get(pk=content.pk)
    audio = catalog.Audio(content_ptr=fresh, duration_seconds=duration_seconds)
    for field in catalog.Content._meta.concrete_fields:
        setattr(audio, field.attname, getattr(fresh, field.attname))
    audio.save()
    return audio
