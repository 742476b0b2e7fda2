# No recursion in SQL: one ORM query for all comments on that content, the tree walked in Python.
from catalog.models import Comment
from django.db.models import Subquery


def reply_thread(comment_id):
    """Return a comment and all replies below it, with depths, in one query."""
    content = Comment.objects.filter(pk=comment_id).values("content_id")
    comments = list(
        Comment.objects.filter(content_id=Subquery(content)).values(
            "id", "parent_id", "author_name"
        )
    )
    children = {}
    for row in comments:
        children.setdefault(row["parent_id"], []).append(row)
    level = [row for row in comments if row["id"] == comment_id]
    rows, depth = [], 0
    while level:
        level.sort(key=lambda row: row["id"])
        rows += [{**row, "depth": depth} for row in level]
        level = [child for row in level for child in children.get(row["id"], [])]
        depth += 1
    return rows
