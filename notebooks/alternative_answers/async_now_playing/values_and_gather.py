# Correct too: one values() query and the stats call awaited at the same time with gather.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from catalog.models import Content
from django.http import Http404, JsonResponse


async def now_playing(request, slug):
    row, listeners = await asyncio.gather(
        Content.objects.filter(slug=slug, is_public=True)
        .values("slug", "title", "creator__name")
        .afirst(),
        fetch_listeners(slug),
    )
    if row is None:
        raise Http404("No public content with that slug.")
    return JsonResponse(
        {
            "slug": row["slug"],
            "title": row["title"],
            "creator": row["creator__name"],
            "listeners": listeners,
        }
    )
