# Audio.objects.create(content_ptr=...): saving the child saves its (empty) parent fields too.
from catalog import models as catalog


def promote_to_audio(content, duration_seconds):
    for child in (catalog.Audio, catalog.Video):
        if child.objects.filter(pk=content.pk).exists():
            raise ValueError(f"{content} already is a {child.__name__}.")
    return catalog.Audio.objects.create(content_ptr=content, duration_seconds=duration_seconds)
