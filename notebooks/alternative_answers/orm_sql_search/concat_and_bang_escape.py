# Builds the pattern in SQL with || and escapes with "!" in place of a backslash.
from django.db import connection


def search_titles(text):
    """Return the slugs of public content whose title contains ``text`` (any case)."""
    if text == "":
        return []
    escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT slug FROM catalog_content WHERE is_public = %s "
            "AND UPPER(title) LIKE '%%' || UPPER(%s) || '%%' ESCAPE '!'",
            [True, escaped],
        )
        return [row[0] for row in cursor.fetchall()]
