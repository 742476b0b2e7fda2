# Plain get() and set() instead of get_or_set(): a count and a Sum(default=0) on a miss.
from catalog.models import Content
from django.core.cache import cache
from django.db.models import Sum

STATS_VERSION = 2


def creator_stats(creator_id):
    key = f"creator-stats:{creator_id}"
    stats = cache.get(key, version=STATS_VERSION)
    if stats is None:
        rows = Content.objects.filter(creator_id=creator_id)
        stats = {
            "contents": rows.count(),
            "plays": rows.aggregate(total=Sum("plays", default=0))["total"],
        }
        cache.set(key, stats, 600, version=STATS_VERSION)
    return stats
