# Ignores "under the key visits": stores the count as "n".
from django.http import JsonResponse


def visit_counter(request):
    count = request.session.get("n", 0) + 1
    request.session["n"] = count
    return JsonResponse({"visits": count})
