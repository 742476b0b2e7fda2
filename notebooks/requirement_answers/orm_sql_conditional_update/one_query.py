# Ignores "one query": reads the rows into Python and saves each (N+1, and racy).
from catalog.models import Comment, Content
from django.db.models import Exists, OuterRef


def reward_discussion(bonus):
    """Add ``bonus`` plays to discussed public content (double with replies); return how many."""
    comments = Comment.objects.filter(content=OuterRef("pk"))
    discussed = Content.objects.filter(Exists(comments), is_public=True).annotate(
        replied=Exists(comments.filter(parent__isnull=False))
    )
    count = 0
    for content in discussed:
        content.plays += 2 * bonus if content.replied else bonus
        content.save(update_fields=["plays"])
        count += 1
    return count
