# A plain sync view that runs the async client through async_to_sync: requests never overlap.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
from asgiref.sync import async_to_sync
from catalog.models import Content
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


def now_playing(request, slug):
    content = get_object_or_404(
        Content.objects.select_related("creator"), slug=slug, is_public=True
    )
    listeners = async_to_sync(fetch_listeners)(slug)
    return JsonResponse(
        {
            "slug": content.slug,
            "title": content.title,
            "creator": content.creator.name,
            "listeners": listeners,
        }
    )
