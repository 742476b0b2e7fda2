# One query per kind, concatenated: three queries, but the items come grouped by kind, not by date.
from catalog import models as catalog


def mixed_listing(creator):
    audio = catalog.Audio.objects.filter(creator=creator)
    video = catalog.Video.objects.filter(creator=creator)
    plain = catalog.Content.objects.filter(creator=creator, audio__isnull=True, video__isnull=True)
    return (
        [(a.title, "audio", a.duration_seconds) for a in audio]
        + [(v.title, "video", v.duration_seconds) for v in video]
        + [(c.title, "content", None) for c in plain]
    )
