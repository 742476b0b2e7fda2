# One create() with the content's own values: Django UPDATEs the parent row, INSERTs the child.
from catalog import models as catalog


def promote_to_audio(content, duration_seconds):
    if hasattr(content, "audio") or hasattr(content, "video"):
        raise ValueError("Only plain content can become audio.")
    values = {f.attname: getattr(content, f.attname) for f in catalog.Content._meta.concrete_fields}
    return catalog.Audio.objects.create(
        content_ptr=content, duration_seconds=duration_seconds, **values
    )
