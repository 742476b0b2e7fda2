# Ignores "saved only when modified" for queue_next: pops without marking the session modified.
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
    return JsonResponse({"queue": request.session.get("queue", [])})


def queue_next(request):
    queue = request.session.get("queue", [])
    upcoming = queue.pop(0) if queue else None
    return JsonResponse({"next": upcoming, "queue": queue})
