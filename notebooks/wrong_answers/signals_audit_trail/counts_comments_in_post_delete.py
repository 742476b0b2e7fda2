# Counts the comments in post_delete, after the cascade has already deleted them (always 0).
# ruff: noqa: F821  (DeletedContent is defined in the notebook)
from catalog.models import Content
from django.db.models.signals import post_delete, pre_delete


def remember_comment_count(sender, instance, **kwargs):
    pass


def record_deletion(sender, instance, **kwargs):
    DeletedContent.objects.create(
        content_pk=instance.pk, title=instance.title, comment_count=instance.comments.count()
    )


pre_delete.connect(remember_comment_count, sender=Content, dispatch_uid="audit-pre")
post_delete.connect(record_deletion, sender=Content, dispatch_uid="audit-post")
