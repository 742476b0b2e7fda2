# Appends to the list inside the session: only the first add (which creates the key) is saved.
from catalog.models import Content
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


def queue_add(request, slug):
    content = get_object_or_404(Content, slug=slug)
    queue = request.session.setdefault("queue", [])
    queue.append(content.slug)
    return JsonResponse({"queue": queue})


def queue_show(request):
    return JsonResponse({"queue": request.session.get("queue", [])})


def queue_next(request):
    queue = request.session.get("queue", [])
    upcoming = queue.pop(0) if queue else None
    request.session.modified = True
    return JsonResponse({"next": upcoming, "queue": queue})
