# Correct too: CaptureQueriesContext's per-query times (rounded to the millisecond).
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def measure_page(path):
    """Request ``path`` once; return its status, query count, DB time and total time."""
    client = Client()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    total = time.perf_counter() - started
    return {
        "status": response.status_code,
        "queries": len(captured),
        "db_seconds": sum(float(query["time"]) for query in captured.captured_queries),
        "total_seconds": total,
    }
