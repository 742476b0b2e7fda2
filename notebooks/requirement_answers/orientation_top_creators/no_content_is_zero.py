# Ignores "a creator with no content has 0 plays": a NULL total (first on PostgreSQL, last on
# SQLite) is not ranked with the zeros by name.
from catalog.models import Creator
from django.db.models import Sum


def top_creators(n):
    ranked = Creator.objects.annotate(total=Sum("contents__plays")).order_by("-total", "name")
    return list(ranked.values_list("name", flat=True)[:n])
