# One wait_for around the whole gather: when one service hangs, both answers are lost.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from django.http import JsonResponse


async def content_dashboard(request, slug):
    try:
        listeners, recommendations = await asyncio.wait_for(
            asyncio.gather(fetch_listeners(slug), fetch_recommendations(slug)), UPSTREAM_TIMEOUT
        )
    except Exception:
        listeners = recommendations = None
    return JsonResponse({"slug": slug, "listeners": listeners, "recommendations": recommendations})
