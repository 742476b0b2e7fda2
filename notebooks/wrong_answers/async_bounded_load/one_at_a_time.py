# A plain loop of awaits: never more than one call in flight, whatever `concurrency` says.
import time


async def run_load(send, total, concurrency):
    results = []
    for _ in range(total):
        started = time.perf_counter()
        try:
            status = await send()
        except Exception:
            status = None
        results.append((status, time.perf_counter() - started))
    return results
