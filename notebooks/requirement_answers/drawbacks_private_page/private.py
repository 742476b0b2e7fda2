# Ignores "Cache-Control includes private": only a max-age.
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers


def my_page(request):
    """Greet the signed-in user; only their own browser may cache the page."""
    name = request.user.get_username() if request.user.is_authenticated else "guest"
    response = HttpResponse(f"<p>Hello, {name}</p>")
    patch_cache_control(response, max_age=60)
    patch_vary_headers(response, ["Cookie"])
    return response
