# Lets the database return the columns: LEFT JOINs to both child tables in one query.
from catalog import models as catalog


def mixed_listing(creator):
    rows = catalog.Content.objects.filter(creator=creator).values_list(
        "title", "audio__pk", "audio__duration_seconds", "video__pk", "video__duration_seconds"
    )
    listing = []
    for title, audio_pk, audio_duration, video_pk, video_duration in rows:
        if audio_pk is not None:
            listing.append((title, "audio", audio_duration))
        elif video_pk is not None:
            listing.append((title, "video", video_duration))
        else:
            listing.append((title, "content", None))
    return listing
