# Filters through the relation (Django turns the join into "pk IN (subquery)"); replies via Exists.
from catalog.models import Comment, Content
from django.db.models import Case, Exists, F, OuterRef, When


def reward_discussion(bonus):
    """Add ``bonus`` plays to discussed public content (double with replies); return how many."""
    has_reply = Exists(Comment.objects.filter(content=OuterRef("pk"), parent__isnull=False))
    return Content.objects.filter(is_public=True, comments__isnull=False).update(
        plays=Case(When(has_reply, then=F("plays") + bonus * 2), default=F("plays") + bonus)
    )
