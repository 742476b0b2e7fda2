# Acquires the semaphore once around the whole gather: it limits nothing.
import asyncio
import time


async def run_load(send, total, concurrency):
    slots = asyncio.Semaphore(concurrency)

    async def one():
        started = time.perf_counter()
        try:
            status = await send()
        except Exception:
            status = None
        return status, time.perf_counter() - started

    async with slots:
        return await asyncio.gather(*(one() for _ in range(total)))
