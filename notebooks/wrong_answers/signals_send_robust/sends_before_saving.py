# Announces the publication before saving it: receivers that read the database see it private.
# ruff: noqa: F821  (content_published is defined in the notebook)
from catalog.models import Content


def publish(content):
    content.is_public = True
    responses = content_published.send_robust(sender=Content, content=content)
    content.save(update_fields=["is_public"])
    return [error for _, error in responses if isinstance(error, Exception)]
