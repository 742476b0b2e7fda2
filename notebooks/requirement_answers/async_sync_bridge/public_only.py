# Asks about every content of the creator, private ones included.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from asgiref.sync import async_to_sync
from catalog.models import Creator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404


def creator_listeners(request, slug):
    creator = get_object_or_404(Creator, slug=slug)
    slugs = list(creator.contents.values_list("slug", flat=True))

    async def fetch_all():
        return await asyncio.gather(*(fetch_listeners(s) for s in slugs))

    counts = async_to_sync(fetch_all)()
    return JsonResponse(dict(zip(slugs, counts, strict=True)))
