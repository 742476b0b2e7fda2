# One ordered query of every public item with its annotations; the top n per creator in Python.
from catalog.models import Comment, Content
from django.db.models import Count, F, OuterRef, Subquery


def top_content_orm(n):
    """Each creator's ``n`` most played public contents, ranked, in one query."""
    newest = Comment.objects.filter(content=OuterRef("pk")).order_by("-created", "-pk")
    everything = (
        Content.objects.filter(is_public=True)
        .annotate(
            comment_count=Count("comments"),
            last_commenter=Subquery(newest.values("author_name")[:1]),
            creator_slug=F("creator__slug"),
        )
        .order_by("creator_slug", "-plays", "title")
        .values("creator_slug", "title", "plays", "comment_count", "last_commenter")
    )
    rows, seen = [], {}
    for row in everything:
        rank = seen[row["creator_slug"]] = seen.get(row["creator_slug"], 0) + 1
        if rank <= n:
            rows.append(
                {
                    "creator": row["creator_slug"],
                    "rank": rank,
                    "title": row["title"],
                    "plays": row["plays"],
                    "comment_count": row["comment_count"],
                    "last_commenter": row["last_commenter"],
                }
            )
    return rows
