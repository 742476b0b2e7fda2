# Wraps send() in try/except: the caller survives, but receivers after the failing one never run.
# ruff: noqa: F821  (content_published is defined in the notebook)
from catalog.models import Content


def publish(content):
    content.is_public = True
    content.save(update_fields=["is_public"])
    try:
        content_published.send(sender=Content, content=content)
    except Exception as error:
        return [error]
    return []
