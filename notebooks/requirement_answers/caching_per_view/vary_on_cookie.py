# Ignores "vary on the Cookie header": one cached page for every theme.
from django.views.decorators.cache import cache_page


def cache_per_view(view):
    return cache_page(60 * 10)(view)
