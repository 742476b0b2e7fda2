# Numbers the events with enumerate() from 0: the first event's id is 0, not 1.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import json

from django.http import StreamingHttpResponse


async def play_stream(request):
    async def events():
        number = 0
        async for event in play_events():
            yield f"id: {number}\nevent: plays\ndata: {json.dumps(event)}\n\n"
            number += 1

    response = StreamingHttpResponse(events(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    return response
