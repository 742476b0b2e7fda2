# Writes CREATE INDEX by hand with the field names: "creator" is not a column (creator_id is).
import re

from django.db import connection


def add_index(model, fields, name):
    """Create index ``name`` on ``model``'s table over ``fields``, unless it exists."""
    table = model._meta.db_table
    with connection.cursor() as db_cursor:
        existing = connection.introspection.get_constraints(db_cursor, table)
    if name not in existing:
        with connection.cursor() as db_cursor:
            db_cursor.execute(f'CREATE INDEX "{name}" ON "{table}" ({", ".join(fields)})')


def uses_index(queryset, name):
    """Return whether the database's plan for ``queryset`` uses the index ``name``."""
    return re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", queryset.explain()) is not None
