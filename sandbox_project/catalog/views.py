"""Views of the catalogue. ``creator_report`` is slow on purpose: the performance questions
ask candidates to find and fix its N+1 queries."""

from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView, ListView

from catalog.models import Content, Creator, Tag


class ContentListView(ListView):
    queryset = Content.objects.filter(is_public=True).select_related("creator")
    paginate_by = 20
    template_name = "catalog/content_list.html"


class ContentDetailView(DetailView):
    queryset = Content.objects.filter(is_public=True).select_related("creator")
    template_name = "catalog/content_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["comments"] = self.object.comments.all()
        context["tags"] = self.object.tags.all()
        return context


def creator_detail(request, slug):
    creator = get_object_or_404(Creator, slug=slug)
    contents = creator.contents.filter(is_public=True)[:20]
    return render(
        request, "catalog/creator_detail.html", {"creator": creator, "contents": contents}
    )


def creator_report(request):
    """One row per creator: content count, total plays, tags used. Deliberately N+1."""
    rows = []
    for creator in Creator.objects.all():
        contents = list(creator.contents.all())
        tags = sorted({tag.name for content in contents for tag in content.tags.all()})
        rows.append(
            {
                "creator": creator,
                "content_count": len(contents),
                "plays": sum(content.plays for content in contents),
                "tags": tags,
            }
        )
    return render(request, "catalog/creator_report.html", {"rows": rows})


def popular_tags(request):
    """Tags ranked by total plays: an expensive aggregate that is the same for everyone."""
    tags = (
        Tag.objects.annotate(content_count=Count("contents"), plays=Sum("contents__plays"))
        .filter(content_count__gt=0)
        .order_by("-plays", "name")[:10]
    )
    return render(request, "catalog/popular_tags.html", {"tags": tags})
