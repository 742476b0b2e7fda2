# Correct too: SQL both backends accept (IF NOT EXISTS), with the fields' real column names.
from django.db import connection


def add_index(model, fields, name):
    """Create index ``name`` on ``model``'s table over ``fields``, unless it exists."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(field).column) for field in fields)
    table = quote(model._meta.db_table)
    with connection.cursor() as db_cursor:
        db_cursor.execute(f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {table} ({columns})")


def uses_index(queryset, name):
    """Return whether the database's plan for ``queryset`` uses the index ``name``."""
    words = queryset.explain().replace("(", " ").replace(")", " ").split()
    return name in words
