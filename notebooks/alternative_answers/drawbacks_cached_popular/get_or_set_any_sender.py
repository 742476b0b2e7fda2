# get_or_set() with a callable; one receiver for every sender that keeps content and tags only.
from catalog.models import Content, Tag
from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.signals import m2m_changed, post_delete, post_save

POPULAR_TAGS_KEY = "popular-tags-any-sender"


def _ranking():
    ranked = (
        Tag.objects.annotate(content_count=Count("contents"), plays=Sum("contents__plays"))
        .filter(content_count__gt=0)
        .order_by("-plays", "name")
    )
    return list(ranked.values_list("name", "plays", "content_count")[:10])


def popular_tags_data():
    return cache.get_or_set(POPULAR_TAGS_KEY, _ranking, None)


def forget_popular_tags(sender, instance=None, **kwargs):
    if isinstance(instance, (Content, Tag)):  # Audio and Video are Content too
        cache.delete(POPULAR_TAGS_KEY)


post_save.connect(forget_popular_tags, dispatch_uid="popular-any-saved")
post_delete.connect(forget_popular_tags, dispatch_uid="popular-any-deleted")
m2m_changed.connect(forget_popular_tags, dispatch_uid="popular-any-tagged")
