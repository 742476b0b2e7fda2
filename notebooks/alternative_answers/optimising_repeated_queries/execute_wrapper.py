# Correct too: an execute wrapper sees the SQL before the values are filled in (%s placeholders).
import re
from collections import Counter
from contextlib import contextmanager

from django.db import connection

PLACEHOLDERS = re.compile(r"%s|'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")
IN_LIST = re.compile(r"\bIN \(\?(?:, \?)*\)")


@contextmanager
def repeated_queries():
    """Yield a dict; after the block it maps each query shape run more than once to its count."""
    report = {}
    counts = Counter()

    def count(execute, sql, params, many, context):
        counts[IN_LIST.sub("IN (...)", PLACEHOLDERS.sub("?", sql))] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield report
    report.update((shape, n) for shape, n in counts.items() if n > 1)
