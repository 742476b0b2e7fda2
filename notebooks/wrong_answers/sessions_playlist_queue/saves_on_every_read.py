# Marks the session modified even when only reading it: a needless write on every page view.
from catalog.models import Content
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


def queue_add(request, slug):
    content = get_object_or_404(Content, slug=slug)
    request.session.setdefault("queue", []).append(content.slug)
    request.session.modified = True
    return JsonResponse({"queue": request.session["queue"]})


def queue_show(request):
    request.session.modified = True  # "just to be safe"
    return JsonResponse({"queue": request.session.get("queue", [])})


def queue_next(request):
    queue = request.session.get("queue", [])
    upcoming = queue.pop(0) if queue else None
    request.session.modified = True
    return JsonResponse({"next": upcoming, "queue": queue})
