# Gives each of `concurrency` workers total // concurrency calls: the remainder is never sent.
import asyncio
import time


async def run_load(send, total, concurrency):
    results = []

    async def worker():
        for _ in range(total // concurrency):
            started = time.perf_counter()
            try:
                status = await send()
            except Exception:
                status = None
            results.append((status, time.perf_counter() - started))

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return results
