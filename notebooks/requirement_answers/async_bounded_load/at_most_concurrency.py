# Starts every call at once: no limit on how many are in flight.
import asyncio
import time


async def run_load(send, total, concurrency):
    async def one():
        started = time.perf_counter()
        try:
            status = await send()
        except Exception:
            status = None
        return status, time.perf_counter() - started

    return await asyncio.gather(*(one() for _ in range(total)))
