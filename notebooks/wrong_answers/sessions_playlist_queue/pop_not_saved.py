# Pops from the stored list without marking the session modified: the same item comes back.
from catalog.models import Content
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


def queue_add(request, slug):
    content = get_object_or_404(Content, slug=slug)
    request.session["queue"] = request.session.get("queue", []) + [content.slug]
    return JsonResponse({"queue": request.session["queue"]})


def queue_show(request):
    return JsonResponse({"queue": request.session.get("queue", [])})


def queue_next(request):
    queue = request.session.get("queue", [])
    upcoming = queue.pop(0) if queue else None
    return JsonResponse({"next": upcoming, "queue": queue})
