# Ignores "force_debug_cursor as it was": always sets it back to False.
import logging
from contextlib import contextmanager

from django.db import connection


@contextmanager
def sql_logged(stream):
    """Write every query run inside the block to ``stream``, one line each; undo it all after."""
    sql_logger = logging.getLogger("django.db.backends")
    handler = logging.StreamHandler(stream)
    saved = (sql_logger.level, sql_logger.propagate, connection.force_debug_cursor)
    sql_logger.addHandler(handler)
    sql_logger.setLevel(logging.DEBUG)
    sql_logger.propagate = False
    connection.force_debug_cursor = True
    try:
        yield stream
    finally:
        level, propagate, _ = saved
        connection.force_debug_cursor = False
        sql_logger.propagate = propagate
        sql_logger.setLevel(level)
        sql_logger.removeHandler(handler)
