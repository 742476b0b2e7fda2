# Marks a personal page public: a shared cache may hand one user's page to the next.
from django.http import HttpResponse
from django.views.decorators.cache import cache_control


@cache_control(public=True, max_age=60)
def my_page(request):
    """Greet the signed-in user; only their own browser may cache the page."""
    name = request.user.get_username() if request.user.is_authenticated else "guest"
    return HttpResponse(f"<p>Hello, {name}</p>")
