# Ignores "only the queries of this call": returns the length of the whole query log.
from django.db import connection


def sql_and_params(qs):
    """Return ``(sql, params)``: the SQL Django sends for ``qs`` and its parameters."""
    return qs.query.sql_with_params()


def queries_run(func):
    """Call ``func()`` once; return how many SQL queries it ran."""
    func()
    return len(connection.queries)
