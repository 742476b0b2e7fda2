# Leaves out Cache-Control: no-cache, so a proxy may keep and replay the stream.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import json

from django.http import StreamingHttpResponse


async def play_stream(request):
    async def events():
        number = 0
        async for event in play_events():
            number += 1
            yield f"id: {number}\nevent: plays\ndata: {json.dumps(event)}\n\n"

    response = StreamingHttpResponse(events(), content_type="text/event-stream")
    return response
