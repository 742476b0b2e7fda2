# A CTE for the derived table, counts by LEFT JOIN + GROUP BY, and the docs' dictfetchall.
from catalog.models import Content
from django.db import connection

RANKED_SQL = """
    WITH counted AS (
        SELECT c.id, c.creator_id, c.title, c.plays, COUNT(m.id) AS comment_count
        FROM catalog_content c
        LEFT JOIN catalog_comment m ON m.content_id = c.id
        WHERE c.is_public = %s
        GROUP BY c.id, c.creator_id, c.title, c.plays
    ),
    ranked AS (
        SELECT counted.*,
               ROW_NUMBER() OVER (
                   PARTITION BY creator_id ORDER BY plays DESC, title ASC
               ) AS rank
        FROM counted
    )
    SELECT ranked.id, cr.slug AS creator_slug, ranked.rank, ranked.title, ranked.plays,
           ranked.comment_count,
           (SELECT m.author_name FROM catalog_comment m WHERE m.content_id = ranked.id
            ORDER BY m.created DESC, m.id DESC LIMIT 1) AS last_commenter
    FROM ranked JOIN catalog_creator cr ON cr.id = ranked.creator_id
    WHERE ranked.rank <= %s
    ORDER BY cr.slug, ranked.rank
"""


def dictfetchall(cursor):
    """Return all rows from a cursor as dicts (from Django's documentation)."""
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def top_content_raw(n):
    """The report as ``Content`` instances from ``Content.objects.raw()``."""
    return Content.objects.raw(RANKED_SQL, [True, n])


def top_content_rows(n):
    """The report as a list of dicts, from ``connection.cursor()``."""
    with connection.cursor() as cursor:
        cursor.execute(RANKED_SQL, [True, n])
        rows = dictfetchall(cursor)
    keys = {"creator_slug": "creator"}
    return [
        {keys.get(key, key): value for key, value in row.items() if key != "id"} for row in rows
    ]
