# @receiver with dispatch_uids; pre_delete keeps the counts in a dict keyed by pk.
# ruff: noqa: F821  (DeletedContent is defined in the notebook)
from catalog.models import Content
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver

comment_counts = {}


@receiver(pre_delete, sender=Content, dispatch_uid="audit-count-comments")
def remember_comment_count(sender, instance, **kwargs):
    comment_counts[instance.pk] = instance.comments.count()


@receiver(post_delete, sender=Content, dispatch_uid="audit-record")
def record_deletion(sender, instance, **kwargs):
    DeletedContent.objects.create(
        content_pk=instance.pk,
        title=instance.title,
        comment_count=comment_counts.pop(instance.pk, 0),
    )
