# Counts the queries that contain a JOIN, not the JOINs: a grandchild's read shows 1, not 2.
from django.db import connection
from django.test.utils import CaptureQueriesContext


def measure_costs(model, make):
    with CaptureQueriesContext(connection) as saving:
        row = make()
    inserts = [q["sql"] for q in saving.captured_queries if q["sql"].startswith("INSERT")]
    tables = sorted({sql.split()[2].strip('"') for sql in inserts})
    with CaptureQueriesContext(connection) as reading:
        model.objects.get(pk=row.pk)
    joins = sum("JOIN" in q["sql"] for q in reading.captured_queries)
    return {"inserts": len(inserts), "tables": tables, "joins": joins}
