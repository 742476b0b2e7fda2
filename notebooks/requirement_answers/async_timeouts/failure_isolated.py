# Gives each call a deadline but lets a service's own exception escape: the page fails with it.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from django.http import JsonResponse


async def content_dashboard(request, slug):
    async def within_deadline(call):
        try:
            return await asyncio.wait_for(call, UPSTREAM_TIMEOUT)
        except TimeoutError:
            return None

    listeners, recommendations = await asyncio.gather(
        within_deadline(fetch_listeners(slug)), within_deadline(fetch_recommendations(slug))
    )
    return JsonResponse({"slug": slug, "listeners": listeners, "recommendations": recommendations})
