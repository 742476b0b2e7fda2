# gather(return_exceptions=True) without deadlines: exceptions leak into the JSON, hangs hang.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from django.http import JsonResponse


async def content_dashboard(request, slug):
    listeners, recommendations = await asyncio.gather(
        fetch_listeners(slug), fetch_recommendations(slug), return_exceptions=True
    )
    return JsonResponse(
        {"slug": slug, "listeners": listeners, "recommendations": recommendations},
        json_dumps_params={"default": str},
    )
