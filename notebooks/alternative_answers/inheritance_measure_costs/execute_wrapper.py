# Records the SQL with connection.execute_wrapper() and reads it with string methods.
from django.db import connection


def run_recording(action):
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        result = action()
    return result, statements


def measure_costs(model, make):
    row, saved = run_recording(make)
    inserts = [sql for sql in saved if sql.lstrip().upper().startswith("INSERT INTO")]
    tables = sorted({sql.split()[2].strip('"') for sql in inserts})
    _, read = run_recording(lambda: model.objects.get(pk=row.pk))
    joins = sum(sql.upper().split().count("JOIN") for sql in read)
    return {"inserts": len(inserts), "tables": tables, "joins": joins}
