# Groups content by creator name instead of annotating Creator: also one query.
from catalog.models import Content
from django.db.models import Sum


def top_creators(n):
    totals = Content.objects.values("creator__name").annotate(total=Sum("plays"))
    ranked = totals.order_by("-total", "creator__name")[:n]
    return [row["creator__name"] for row in ranked]
