# Ignores "cached": sets the headers (max-age=600, Vary: Cookie) but Django never stores the page.
from django.views.decorators.cache import cache_control
from django.views.decorators.vary import vary_on_cookie


def cache_per_view(view):
    return cache_control(max_age=600)(vary_on_cookie(view))
