# Sends fixed batches of `concurrency` calls: one slow call holds back its whole batch.
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

    results = []
    for first in range(0, total, concurrency):
        batch = range(first, min(first + concurrency, total))
        results.extend(await asyncio.gather(*(one() for _ in batch)))
    return results
