# Cuts every call off after 0.25 s, not UPSTREAM_TIMEOUT: a slower but healthy answer is lost.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from django.http import JsonResponse


async def content_dashboard(request, slug):
    async def within_deadline(call):
        try:
            return await asyncio.wait_for(call, 0.25)
        except Exception:
            return None

    listeners, recommendations = await asyncio.gather(
        within_deadline(fetch_listeners(slug)), within_deadline(fetch_recommendations(slug))
    )
    return JsonResponse({"slug": slug, "listeners": listeners, "recommendations": recommendations})
