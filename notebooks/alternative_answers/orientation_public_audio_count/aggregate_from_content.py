# Counts from the parent table with aggregate(): Content rows that have an audio child.
from catalog.models import Content
from django.db.models import Count


def public_audio_count():
    return Content.objects.filter(is_public=True, audio__isnull=False).aggregate(n=Count("pk"))["n"]
