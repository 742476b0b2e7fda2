# Creates a new Audio with a copy of the content's data: a second Content row, a new id.
from catalog import models as catalog


def promote_to_audio(content, duration_seconds):
    for child in (catalog.Audio, catalog.Video):
        if child.objects.filter(pk=content.pk).exists():
            raise ValueError(f"{content} already is a {child.__name__}.")
    return catalog.Audio.objects.create(
        title=content.title,
        slug=f"{content.slug}-audio",
        creator=content.creator,
        published=content.published,
        is_public=content.is_public,
        plays=content.plays,
        duration_seconds=duration_seconds,
    )
