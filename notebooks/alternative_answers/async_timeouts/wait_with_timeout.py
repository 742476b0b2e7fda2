# Correct too: two tasks, asyncio.wait() with the deadline, cancel what is still pending.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import asyncio

from django.http import JsonResponse


async def content_dashboard(request, slug):
    tasks = {
        "listeners": asyncio.create_task(fetch_listeners(slug)),
        "recommendations": asyncio.create_task(fetch_recommendations(slug)),
    }
    done, pending = await asyncio.wait(tasks.values(), timeout=UPSTREAM_TIMEOUT)
    for task in pending:
        task.cancel()
    body = {"slug": slug}
    for name, task in tasks.items():
        body[name] = task.result() if task in done and task.exception() is None else None
    return JsonResponse(body)
