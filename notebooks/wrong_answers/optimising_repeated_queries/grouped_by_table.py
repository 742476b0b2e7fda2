# Groups queries by the table they read: different queries on one table merge into one "shape".
from collections import Counter
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext


@contextmanager
def repeated_queries():
    """Yield a dict; after the block it maps each query shape run more than once to its count."""
    report = {}

    def shape(sql):
        return sql.split(" FROM ", 1)[-1].split()[0]

    with CaptureQueriesContext(connection) as recorded:
        yield report
    counts = Counter(shape(query["sql"]) for query in recorded.captured_queries)
    report.update({sql: count for sql, count in counts.items() if count > 1})
