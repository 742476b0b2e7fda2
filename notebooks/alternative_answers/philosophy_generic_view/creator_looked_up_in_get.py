# Looks the creator up in get() before ListView's own get() runs.
from catalog.models import Creator
from django.shortcuts import get_object_or_404
from django.views.generic import ListView


class CreatorPageView(ListView):
    template_name = "catalog/creator_detail.html"
    context_object_name = "contents"
    paginate_by = 5

    def get(self, request, *args, **kwargs):
        self.creator = get_object_or_404(Creator, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.creator.contents.filter(is_public=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["creator"] = self.creator
        return context
