# Another correct answer: add the Vary header by hand inside the cached view.
from functools import wraps

from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_page


def cache_per_view(view):
    @wraps(view)
    def varying(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ["Cookie"])
        return response

    return cache_page(600)(varying)
