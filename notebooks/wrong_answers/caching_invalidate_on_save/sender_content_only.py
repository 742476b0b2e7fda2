# Connects for sender=Content only: saving an Audio or Video sends sender=Audio/Video and is missed.
from catalog.models import Content
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save


def invalidate_creator_stats(sender, instance, **kwargs):
    cache.delete(f"creator-stats:{instance.creator_id}", version=2)


post_save.connect(invalidate_creator_stats, sender=Content, dispatch_uid="caching_creator_stats")
post_delete.connect(invalidate_creator_stats, sender=Content, dispatch_uid="caching_creator_stats")
