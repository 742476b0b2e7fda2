# Ignores "saved only when modified" for queue_add: appends to the stored list in place.
from catalog.models import Content
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


def queue_add(request, slug):
    content = get_object_or_404(Content, slug=slug)
    queue = request.session.get("queue", [])
    queue.append(content.slug)
    request.session.setdefault("queue", queue)
    return JsonResponse({"queue": queue})


def queue_show(request):
    return JsonResponse({"queue": request.session.get("queue", [])})


def queue_next(request):
    queue = request.session.get("queue", [])
    upcoming = queue.pop(0) if queue else None
    if upcoming is not None:
        request.session.modified = True  # the list changed inside the session
    return JsonResponse({"next": upcoming, "queue": queue})
