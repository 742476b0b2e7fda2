# send() instead of send_robust(): the first failing receiver's exception stops everything.
# ruff: noqa: F821  (content_published is defined in the notebook)
from catalog.models import Content


def publish(content):
    content.is_public = True
    content.save(update_fields=["is_public"])
    content_published.send(sender=Content, content=content)
    return []
