# Connected without a sender: hears every model's deletes (comments, tag links, audio rows...).
# ruff: noqa: F821  (DeletedContent is defined in the notebook)
from catalog.models import Content
from django.db.models.signals import post_delete, pre_delete


def remember_comment_count(sender, instance, **kwargs):
    if isinstance(instance, Content):
        instance._comment_count = instance.comments.count()


def record_deletion(sender, instance, **kwargs):
    DeletedContent.objects.create(
        content_pk=instance.pk,
        title=getattr(instance, "title", str(instance))[:200],
        comment_count=getattr(instance, "_comment_count", 0),
    )


pre_delete.connect(remember_comment_count, dispatch_uid="audit-pre")
post_delete.connect(record_deletion, dispatch_uid="audit-post")
