# Ignores "send_robust()": send() lets the first failing receiver stop the others.
# ruff: noqa: F821  (content_published is defined in the notebook)
from catalog.models import Content


def publish(content):
    content.is_public = True
    content.save(update_fields=["is_public"])
    responses = content_published.send(sender=Content, content=content)
    return [error for _receiver, error in responses if isinstance(error, Exception)]
