# Ignores "then send": sends first and saves after, so receivers read the old row.
# ruff: noqa: F821  (content_published is defined in the notebook)
from catalog.models import Content


def publish(content):
    content.is_public = True
    responses = content_published.send_robust(sender=Content, content=content)
    content.save(update_fields=["is_public"])
    return [error for _receiver, error in responses if isinstance(error, Exception)]
