# Correct too: the profiler as a decorator, then only this function's timings, in seconds.
from line_profiler import LineProfiler


def hottest_line(func, *args, **kwargs):
    """Profile one call of ``func``; return (line number, share of the call's time)."""
    profiler = LineProfiler()
    profiled = profiler(func)
    profiled(*args, **kwargs)
    stats = profiler.get_stats()
    seconds = {}
    for timings in stats.timings.values():
        for number, _, ticks in timings:
            seconds[number] = seconds.get(number, 0.0) + ticks * stats.unit
    hottest = max(seconds, key=seconds.get)
    return hottest, seconds[hottest] / sum(seconds.values())
