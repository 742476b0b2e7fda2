# Collects every event first, then streams the list: nothing is sent until the source ends.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import json

from django.http import StreamingHttpResponse


async def play_stream(request):
    chunks = []
    number = 0
    async for event in play_events():
        number += 1
        chunks.append(f"id: {number}\nevent: plays\ndata: {json.dumps(event)}\n\n")

    async def events():
        for chunk in chunks:
            yield chunk

    response = StreamingHttpResponse(events(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    return response
