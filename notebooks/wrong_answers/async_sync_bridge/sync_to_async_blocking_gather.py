# Gathers the blocking client wrapped in sync_to_async: thread-sensitive calls still run one by one.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from asgiref.sync import async_to_sync, sync_to_async
from catalog.models import Creator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


def creator_listeners(request, slug):
    creator = get_object_or_404(Creator, slug=slug)
    slugs = list(creator.contents.filter(is_public=True).values_list("slug", flat=True))

    async def fetch_all():
        return await asyncio.gather(*(sync_to_async(fetch_listeners_blocking)(s) for s in slugs))

    counts = async_to_sync(fetch_all)()
    return JsonResponse(dict(zip(slugs, counts, strict=True)))
