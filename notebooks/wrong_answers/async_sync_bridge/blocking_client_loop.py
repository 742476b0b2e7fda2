# Keeps everything sync with the blocking client: correct numbers, one wait after another.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
from catalog.models import Creator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


def creator_listeners(request, slug):
    creator = get_object_or_404(Creator, slug=slug)
    slugs = creator.contents.filter(is_public=True).values_list("slug", flat=True)
    return JsonResponse({s: fetch_listeners_blocking(s) for s in slugs})
