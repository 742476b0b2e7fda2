# Ignores "every kind of content": connects for Content only, so saving an Audio is missed.
from catalog.models import Content
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save


def invalidate_creator_stats(sender, instance, **kwargs):
    cache.delete(f"creator-stats:{instance.creator_id}", version=2)


for signal in (post_save, post_delete):
    for model in (Content,):
        signal.connect(invalidate_creator_stats, sender=model, dispatch_uid="caching_creator_stats")
