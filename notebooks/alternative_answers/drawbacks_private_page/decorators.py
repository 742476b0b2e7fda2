# Correct too: the decorators, with the session middleware's own Vary: Cookie.
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.vary import vary_on_cookie


@cache_control(private=True)
@vary_on_cookie
def my_page(request):
    """Greet the signed-in user; only their own browser may cache the page."""
    name = request.user.get_username() if request.user.is_authenticated else "guest"
    return HttpResponse(f"<p>Hello, {name}</p>")
