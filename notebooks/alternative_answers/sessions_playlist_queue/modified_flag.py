# Mutates the stored list and sets modified only when something changed; 404 through Http404.
from catalog.models import Content
from django.http import Http404, JsonResponse


def queue_add(request, slug):
    if not Content.objects.filter(slug=slug).exists():
        raise Http404("No such content")
    request.session.setdefault("queue", []).append(slug)
    request.session.modified = True
    return JsonResponse({"queue": request.session["queue"]})


def queue_show(request):
    return JsonResponse({"queue": list(request.session.get("queue", []))})


def queue_next(request):
    queue = list(request.session.get("queue", []))
    if not queue:
        return JsonResponse({"next": None, "queue": []})
    upcoming, *rest = queue
    request.session["queue"] = rest
    return JsonResponse({"next": upcoming, "queue": rest})
