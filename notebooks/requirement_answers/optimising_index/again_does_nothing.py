# Ignores "calling it again does nothing": creates the index each time, failing the second time.
import re

from django.db import connection, models


def add_index(model, fields, name):
    """Create index ``name`` on ``model``'s table over ``fields``, unless it exists."""
    with connection.schema_editor() as editor:
        editor.add_index(model, models.Index(fields=fields, name=name))


def uses_index(queryset, name):
    """Return whether the database's plan for ``queryset`` uses the index ``name``."""
    return re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", queryset.explain()) is not None
