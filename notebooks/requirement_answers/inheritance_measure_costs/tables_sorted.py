# Ignores "tables sorted": in the order they were written (parent first), each once.
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
    return {"inserts": len(inserts), "tables": list(dict.fromkeys(order)), "joins": joins}
