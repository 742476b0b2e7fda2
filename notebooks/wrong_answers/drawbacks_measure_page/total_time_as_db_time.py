# Counts queries right but reports the whole request's time as database time.
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def measure_page(path):
    """Request ``path`` once; return its status, query count, DB time and total time."""
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(path)
    total = time.perf_counter() - started
    return {
        "status": response.status_code,
        "queries": len(captured),
        "db_seconds": total,
        "total_seconds": total,
    }
