# Another correct answer: one receiver for every sender that ignores what is not Content.
from catalog.models import Content
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver


@receiver([post_save, post_delete], dispatch_uid="caching_creator_stats")
def invalidate_creator_stats(sender, instance, **kwargs):
    if isinstance(instance, Content):
        cache.delete(f"creator-stats:{instance.creator_id}", version=2)
