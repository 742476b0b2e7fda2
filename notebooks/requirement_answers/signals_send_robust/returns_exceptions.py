# Ignores "return the exceptions": returns every (receiver, response) pair.
# ruff: noqa: F821  (content_published is defined in the notebook)
from catalog.models import Content


def publish(content):
    content.is_public = True
    content.save(update_fields=["is_public"])
    responses = content_published.send_robust(sender=Content, content=content)
    return responses
