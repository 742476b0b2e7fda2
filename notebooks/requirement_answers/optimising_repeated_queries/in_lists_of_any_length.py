# Ignores "an IN (...) list of any length": IN (?, ?) and IN (?, ?, ?) stay two shapes.
import re
from collections import Counter
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext


@contextmanager
def repeated_queries():
    """Yield a dict; after the block it maps each query shape run more than once to its count."""
    report = {}
    strings = re.compile(r"'(?:[^']|'')*'")
    numbers = re.compile(r"\b\d+(?:\.\d+)?\b")

    def shape(sql):
        return numbers.sub("?", strings.sub("?", sql))

    with CaptureQueriesContext(connection) as recorded:
        yield report
    counts = Counter(shape(query["sql"]) for query in recorded.captured_queries)
    report.update({sql: count for sql, count in counts.items() if count > 1})
