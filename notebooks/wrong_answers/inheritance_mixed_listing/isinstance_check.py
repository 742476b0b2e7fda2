# isinstance(item, catalog.Audio): a Content query returns Content objects: every kind is "content".
from catalog import models as catalog


def mixed_listing(creator):
    listing = []
    for item in catalog.Content.objects.filter(creator=creator):
        if isinstance(item, catalog.Audio):
            listing.append((item.title, "audio", item.duration_seconds))
        elif isinstance(item, catalog.Video):
            listing.append((item.title, "video", item.duration_seconds))
        else:
            listing.append((item.title, "content", None))
    return listing
