# Filters content by the creator's slug; the creator lookup in the context gives the 404.
from catalog.models import Content, Creator
from django.shortcuts import get_object_or_404
from django.views.generic import ListView


class CreatorPageView(ListView):
    template_name = "catalog/creator_detail.html"
    context_object_name = "contents"
    paginate_by = 5

    def get_queryset(self):
        return Content.objects.filter(creator__slug=self.kwargs["slug"], is_public=True)

    def get_context_data(self, **kwargs):
        creator = get_object_or_404(Creator, slug=self.kwargs["slug"])
        return super().get_context_data(creator=creator, **kwargs)
