# Builds the context from scratch without super(): no page_obj, paginator or page slice.
from catalog.models import Creator
from django.shortcuts import get_object_or_404
from django.views.generic import ListView


class CreatorPageView(ListView):
    template_name = "catalog/creator_detail.html"
    paginate_by = 5

    def get_queryset(self):
        self.creator = get_object_or_404(Creator, slug=self.kwargs["slug"])
        return self.creator.contents.filter(is_public=True)

    def get_context_data(self, **kwargs):
        return {"creator": self.creator, "contents": self.object_list}
