# Saves with a single UPDATE (no save signals needed here), then sends robustly.
# ruff: noqa: F821  (content_published is defined in the notebook)
from catalog.models import Content


def publish(content):
    Content.objects.filter(pk=content.pk).update(is_public=True)
    content.is_public = True
    errors = []
    for _receiver, response in content_published.send_robust(sender=Content, content=content):
        if isinstance(response, BaseException):
            errors.append(response)
    return errors
