# Starts the clock before waiting for a free slot: queueing time is counted as latency.
import asyncio
import time


async def run_load(send, total, concurrency):
    slots = asyncio.Semaphore(concurrency)

    async def one():
        started = time.perf_counter()
        async with slots:
            try:
                status = await send()
            except Exception:
                status = None
        return status, time.perf_counter() - started

    return await asyncio.gather(*(one() for _ in range(total)))
