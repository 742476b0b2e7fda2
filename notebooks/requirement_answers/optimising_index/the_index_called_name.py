# Ignores "the index called name (not just an index)": any index in the plan counts.
import re

from django.db import connection, models


def add_index(model, fields, name):
    """Create index ``name`` on ``model``'s table over ``fields``, unless it exists."""
    table = model._meta.db_table
    with connection.cursor() as db_cursor:
        existing = connection.introspection.get_constraints(db_cursor, table)
    if name not in existing:
        with connection.schema_editor() as editor:
            editor.add_index(model, models.Index(fields=fields, name=name))


def uses_index(queryset, name):
    """Return whether the database's plan for ``queryset`` uses the index ``name``."""
    plan = queryset.explain()
    return bool(re.search(r"USING (COVERING )?INDEX|Index (Only )?Scan|Bitmap Index Scan", plan))
