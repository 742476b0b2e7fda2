# Ignores "a cached call runs no query": computes every time (the result is still stored).
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

    key = f"creator-stats:{creator_id}"
    stats = compute()
    cache.set(key, stats, timeout=60 * 10, version=STATS_VERSION)
    return stats
