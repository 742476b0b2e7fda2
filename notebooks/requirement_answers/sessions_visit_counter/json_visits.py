# Ignores "as JSON {\"visits\": n}": names the entry "count".
from django.http import JsonResponse


def visit_counter(request):
    count = request.session.get("visits", 0) + 1
    request.session["visits"] = count
    return JsonResponse({"count": count})
