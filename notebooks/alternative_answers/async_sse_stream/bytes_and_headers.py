# Correct too: yields bytes field by field, headers given to the constructor.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
import itertools
import json

from django.http import StreamingHttpResponse


async def _sse(source):
    numbers = itertools.count(1)
    async for event in source:
        yield f"id: {next(numbers)}\n".encode()
        yield b"event: plays\n"
        yield b"data: " + json.dumps(event, separators=(",", ":")).encode() + b"\n\n"


async def play_stream(request):
    return StreamingHttpResponse(
        _sse(play_events()),
        content_type="text/event-stream; charset=utf-8",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
