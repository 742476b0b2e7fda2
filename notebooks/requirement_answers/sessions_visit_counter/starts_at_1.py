# Ignores "starting at 1": returns the count from before this visit.
from django.http import JsonResponse


def visit_counter(request):
    count = request.session.get("visits", 0) + 1
    request.session["visits"] = count
    return JsonResponse({"visits": count - 1})
