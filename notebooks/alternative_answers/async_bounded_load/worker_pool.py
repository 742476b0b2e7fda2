# Correct too: `concurrency` workers take call numbers from a queue until it is empty.
import asyncio
import time


async def run_load(send, total, concurrency):
    todo = asyncio.Queue()
    for number in range(total):
        todo.put_nowait(number)
    results = [None] * total

    async def worker():
        while not todo.empty():
            number = todo.get_nowait()
            started = time.perf_counter()
            try:
                status = await send()
            except Exception:
                status = None
            results[number] = (status, time.perf_counter() - started)

    await asyncio.gather(*(worker() for _ in range(min(concurrency, total))))
    return results
