# Sends no id lines: a reconnecting browser cannot say where it stopped.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import json

from django.http import StreamingHttpResponse


async def play_stream(request):
    async def events():
        async for event in play_events():
            yield f"event: plays\ndata: {json.dumps(event)}\n\n"

    response = StreamingHttpResponse(events(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    return response
