# "It is async def, so it is async": get_object_or_404 runs the sync ORM inside the event loop.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
from catalog.models import Content
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


async def now_playing(request, slug):
    content = get_object_or_404(
        Content.objects.select_related("creator"), slug=slug, is_public=True
    )
    listeners = await fetch_listeners(slug)
    return JsonResponse(
        {
            "slug": content.slug,
            "title": content.title,
            "creator": content.creator.name,
            "listeners": listeners,
        }
    )
