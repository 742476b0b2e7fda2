# Compiles the query for its own database and counts through connection.execute_wrapper().
from django.db import connection


def sql_and_params(qs):
    """Return ``(sql, params)``: the SQL Django sends for ``qs`` and its parameters."""
    return qs.query.get_compiler(using=qs.db).as_sql()


def queries_run(func):
    """Call ``func()`` once; return how many SQL queries it ran."""
    seen = []

    def count(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        func()
    return len(seen)
