# Invalidates on Content's signals only: saving an Audio sends post_save with sender=Audio.
from catalog.models import Content, Tag
from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.signals import m2m_changed, post_delete, post_save


def popular_tags_data():
    """Return the top tags as (name, plays, content count) tuples, cached until a write."""
    rows = cache.get("popular-tags")
    if rows is None:
        ranked = (
            Tag.objects.annotate(content_count=Count("contents"), plays=Sum("contents__plays"))
            .filter(content_count__gt=0)
            .order_by("-plays", "name")
        )
        rows = list(ranked.values_list("name", "plays", "content_count")[:10])
        cache.set("popular-tags", rows, None)
    return rows


def forget(sender, **kwargs):
    cache.delete("popular-tags")


post_save.connect(forget, sender=Content, dispatch_uid="wrong-popular-saved")
post_delete.connect(forget, sender=Content, dispatch_uid="wrong-popular-deleted")
m2m_changed.connect(forget, sender=Content.tags.through, dispatch_uid="wrong-popular-tagged")
post_save.connect(forget, sender=Tag, dispatch_uid="wrong-popular-tag-saved")
