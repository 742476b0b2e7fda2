# Forgets partition_by: ranks all content together, so only the n most played overall appear.
from catalog.models import Comment, Content
from django.db.models import Count, F, OuterRef, Subquery, Window
from django.db.models.functions import RowNumber


def top_content_orm(n):
    """Each creator's ``n`` most played public contents, ranked, in one query."""
    newest = Comment.objects.filter(content=OuterRef("pk")).order_by("-created", "-pk")
    ranked = (
        Content.objects.filter(is_public=True)
        .annotate(
            rank=Window(
                RowNumber(),
                order_by=[F("plays").desc(), F("title").asc()],
            ),
            comment_count=Count("comments"),
            last_commenter=Subquery(newest.values("author_name")[:1]),
            creator_slug=F("creator__slug"),
        )
        .filter(rank__lte=n)
        .order_by("creator_slug", "rank")
    )
    return [
        {
            "creator": row["creator_slug"],
            "rank": row["rank"],
            "title": row["title"],
            "plays": row["plays"],
            "comment_count": row["comment_count"],
            "last_commenter": row["last_commenter"],
        }
        for row in ranked.values(
            "creator_slug", "rank", "title", "plays", "comment_count", "last_commenter"
        )
    ]
