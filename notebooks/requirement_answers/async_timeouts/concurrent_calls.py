# Awaits one service after the other (each with its deadline): correct values, twice the wait.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from django.http import JsonResponse


async def content_dashboard(request, slug):
    async def within_deadline(call):
        try:
            return await asyncio.wait_for(call, UPSTREAM_TIMEOUT)
        except Exception:
            return None

    listeners = await within_deadline(fetch_listeners(slug))
    recommendations = await within_deadline(fetch_recommendations(slug))
    return JsonResponse({"slug": slug, "listeners": listeners, "recommendations": recommendations})
