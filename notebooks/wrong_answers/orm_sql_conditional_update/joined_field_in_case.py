# Follows a relation inside update(): Django refuses joined field references there.
from catalog.models import Comment, Content
from django.db.models import Case, Exists, F, OuterRef, When


def reward_discussion(bonus):
    """Add ``bonus`` plays to discussed public content (double with replies); return how many."""
    comments = Comment.objects.filter(content=OuterRef("pk"))
    return Content.objects.filter(Exists(comments), is_public=True).update(
        plays=Case(
            When(comments__parent__isnull=False, then=F("plays") + 2 * bonus),
            default=F("plays") + bonus,
        )
    )
