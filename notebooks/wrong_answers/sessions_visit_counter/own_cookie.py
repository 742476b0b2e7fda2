# Keeps the count in a plain cookie of its own: per browser, but not in the session store.
from django.http import JsonResponse


def visit_counter(request):
    count = int(request.COOKIES.get("visits", 0)) + 1
    response = JsonResponse({"visits": count})
    response.set_cookie("visits", str(count))
    return response
