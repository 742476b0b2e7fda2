# Correct too: a class with __enter__/__exit__ that remembers and restores every setting.
import logging

from django.db import connection


class sql_logged:  # noqa: N801 (used like a function: with sql_logged(stream): ...)
    """Write every query run inside the block to ``stream``, one line each; undo it all after."""

    def __init__(self, stream):
        self.logger = logging.getLogger("django.db.backends")
        self.handler = logging.StreamHandler(stream)
        self.handler.setFormatter(logging.Formatter("-- %(sql)s"))
        self.stream = stream

    def __enter__(self):
        self.saved = (self.logger.level, self.logger.propagate, connection.force_debug_cursor)
        self.logger.addHandler(self.handler)
        self.logger.setLevel(logging.DEBUG)
        self.logger.propagate = False
        connection.force_debug_cursor = True
        return self.stream

    def __exit__(self, *exc_info):
        level, propagate, forced = self.saved
        connection.force_debug_cursor = forced
        self.logger.propagate = propagate
        self.logger.setLevel(level)
        self.logger.removeHandler(self.handler)
        return False
