# Reads with setdefault, writes back: the same as get() + assignment.
from django.http import JsonResponse


def visit_counter(request):
    request.session.setdefault("visits", 0)
    request.session["visits"] += 1
    return JsonResponse({"visits": request.session["visits"]})
