# Ignores "for Content only": no sender, so comment, tag and playlist deletions reach it too.
# ruff: noqa: F821  (DeletedContent is defined in the notebook)
from django.db.models.signals import post_delete, pre_delete


def remember_comment_count(sender, instance, **kwargs):
    instance._audit_comment_count = instance.comments.count()


def record_deletion(sender, instance, **kwargs):
    DeletedContent.objects.create(
        content_pk=instance.pk,
        title=instance.title,
        comment_count=getattr(instance, "_audit_comment_count", 0),
    )


pre_delete.connect(remember_comment_count, dispatch_uid="signals-audit-pre")
post_delete.connect(record_deletion, dispatch_uid="signals-audit-post")
