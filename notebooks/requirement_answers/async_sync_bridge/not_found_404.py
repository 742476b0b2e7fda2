# Uses Creator.objects.get(): an unknown creator raises DoesNotExist, a server error.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from asgiref.sync import async_to_sync
from catalog.models import Creator
from django.http import JsonResponse


def creator_listeners(request, slug):
    creator = Creator.objects.get(slug=slug)
    slugs = list(creator.contents.filter(is_public=True).values_list("slug", flat=True))

    async def fetch_all():
        return await asyncio.gather(*(fetch_listeners(s) for s in slugs))

    counts = async_to_sync(fetch_all)()
    return JsonResponse(dict(zip(slugs, counts, strict=True)))
