# Ignores "sender=Content": sends with the instance as sender.
# ruff: noqa: F821  (content_published is defined in the notebook)


def publish(content):
    content.is_public = True
    content.save(update_fields=["is_public"])
    responses = content_published.send_robust(sender=content, content=content)
    return [error for _receiver, error in responses if isinstance(error, Exception)]
