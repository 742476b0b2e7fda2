# Lets an exception from send() escape: the first failed request ends the whole run.
import asyncio
import time


async def run_load(send, total, concurrency):
    slots = asyncio.Semaphore(concurrency)

    async def one():
        async with slots:
            started = time.perf_counter()
            status = await send()
            return status, time.perf_counter() - started

    return await asyncio.gather(*(one() for _ in range(total)))
