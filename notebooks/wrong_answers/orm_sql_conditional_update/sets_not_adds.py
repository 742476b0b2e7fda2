# Forgets F(): sets plays to the bonus instead of adding the bonus to them.
from catalog.models import Comment, Content
from django.db.models import Case, Exists, OuterRef, Value, When


def reward_discussion(bonus):
    """Add ``bonus`` plays to discussed public content (double with replies); return how many."""
    comments = Comment.objects.filter(content=OuterRef("pk"))
    replies = comments.filter(parent__isnull=False)
    return Content.objects.filter(Exists(comments), is_public=True).update(
        plays=Case(
            When(Exists(replies), then=Value(2 * bonus)),
            default=Value(bonus),
        )
    )
