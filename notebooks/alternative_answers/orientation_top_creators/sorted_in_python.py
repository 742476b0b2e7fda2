# One aggregate query for every creator's total (0 without content), ranked and cut in Python.
from catalog.models import Creator
from django.db.models import Sum


def top_creators(n):
    totals = Creator.objects.annotate(total=Sum("contents__plays")).values_list("name", "total")
    ranked = sorted(((-(total or 0), name) for name, total in totals))
    return [name for _, name in ranked[:n]]
