# cache_page on a personal page: stored before SessionMiddleware adds Vary: Cookie.
from django.http import HttpResponse
from django.views.decorators.cache import cache_page


@cache_page(60)
def my_page(request):
    """Greet the signed-in user; only their own browser may cache the page."""
    name = request.user.get_username() if request.user.is_authenticated else "guest"
    return HttpResponse(f"<p>Hello, {name}</p>")
