# Isolates failures but sets no deadline: a service that hangs holds the page forever.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from django.http import JsonResponse


async def content_dashboard(request, slug):
    async def guarded(call):
        try:
            return await call
        except Exception:
            return None

    listeners, recommendations = await asyncio.gather(
        guarded(fetch_listeners(slug)), guarded(fetch_recommendations(slug))
    )
    return JsonResponse({"slug": slug, "listeners": listeners, "recommendations": recommendations})
