# Decorators in the wrong order: cache_page stores the page before Vary: Cookie is added.
from django.views.decorators.cache import cache_page
from django.views.decorators.vary import vary_on_cookie


def cache_per_view(view):
    return vary_on_cookie(cache_page(60 * 10)(view))
