# Runs async_to_sync once per content: each call finishes before the next one starts.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
from asgiref.sync import async_to_sync
from catalog.models import Creator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


def creator_listeners(request, slug):
    creator = get_object_or_404(Creator, slug=slug)
    slugs = creator.contents.filter(is_public=True).values_list("slug", flat=True)
    return JsonResponse({s: async_to_sync(fetch_listeners)(s) for s in slugs})
