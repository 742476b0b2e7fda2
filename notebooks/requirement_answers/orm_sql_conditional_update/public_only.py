# Ignores "private content is never rewarded": rewards every discussed item.
from catalog.models import Comment, Content
from django.db.models import Case, Exists, F, OuterRef, When


def reward_discussion(bonus):
    """Add ``bonus`` plays to discussed public content (double with replies); return how many."""
    comments = Comment.objects.filter(content=OuterRef("pk"))
    replies = comments.filter(parent__isnull=False)
    return Content.objects.filter(Exists(comments)).update(
        plays=Case(
            When(Exists(replies), then=F("plays") + 2 * bonus),
            default=F("plays") + bonus,
        )
    )
