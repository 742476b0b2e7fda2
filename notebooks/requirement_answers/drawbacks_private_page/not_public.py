# Ignores "and not public": writes "private, public" by hand.
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers


def my_page(request):
    """Greet the signed-in user; only their own browser may cache the page."""
    name = request.user.get_username() if request.user.is_authenticated else "guest"
    response = HttpResponse(f"<p>Hello, {name}</p>")
    response["Cache-Control"] = "private, public, max-age=60"
    patch_vary_headers(response, ["Cookie"])
    return response
