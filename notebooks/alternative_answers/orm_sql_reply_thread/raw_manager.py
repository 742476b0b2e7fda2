# The same recursive CTE through Comment.objects.raw(): model instances, read into dicts.
from catalog.models import Comment

THREAD_SQL = """
    WITH RECURSIVE thread(id, depth) AS (
        SELECT id, 0 FROM catalog_comment WHERE id = %s
        UNION ALL
        SELECT c.id, thread.depth + 1
        FROM catalog_comment c JOIN thread ON c.parent_id = thread.id
    )
    SELECT c.id, c.parent_id, c.author_name, thread.depth
    FROM thread JOIN catalog_comment c ON c.id = thread.id
    ORDER BY thread.depth, c.id
"""


def reply_thread(comment_id):
    """Return a comment and all replies below it, with depths, in one query."""
    return [
        {"id": c.pk, "parent_id": c.parent_id, "depth": c.depth, "author_name": c.author_name}
        for c in Comment.objects.raw(THREAD_SQL, [comment_id])
    ]
