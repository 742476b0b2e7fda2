# Ranks by how many items a creator published, not by their plays.
from catalog.models import Creator
from django.db.models import Count


def top_creators(n):
    ranked = Creator.objects.annotate(total=Count("contents")).order_by("-total", "name")
    return list(ranked.values_list("name", flat=True)[:n])
