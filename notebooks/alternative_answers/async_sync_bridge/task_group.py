# Correct too: an asyncio.TaskGroup inside the coroutine that async_to_sync runs.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from asgiref.sync import async_to_sync
from catalog.models import Content, Creator
from django.http import Http404, JsonResponse


def creator_listeners(request, slug):
    if not Creator.objects.filter(slug=slug).exists():
        raise Http404("No creator with that slug.")
    slugs = Content.objects.filter(creator__slug=slug, is_public=True).values_list(
        "slug", flat=True
    )

    async def fetch_all(wanted):
        async with asyncio.TaskGroup() as group:
            tasks = {s: group.create_task(fetch_listeners(s)) for s in wanted}
        return {s: task.result() for s, task in tasks.items()}

    return JsonResponse(async_to_sync(fetch_all)(list(slugs)))
