# Correct too: asyncio.timeout() inside a helper, results gathered with a TaskGroup.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from django.http import JsonResponse


async def _settled(call):
    try:
        async with asyncio.timeout(UPSTREAM_TIMEOUT):
            return await call
    except Exception:
        return None


async def content_dashboard(request, slug):
    async with asyncio.TaskGroup() as group:
        listeners = group.create_task(_settled(fetch_listeners(slug)))
        recommendations = group.create_task(_settled(fetch_recommendations(slug)))
    return JsonResponse(
        {"slug": slug, "listeners": listeners.result(), "recommendations": recommendations.result()}
    )
