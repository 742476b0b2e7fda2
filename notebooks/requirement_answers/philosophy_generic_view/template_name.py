# Leaves out template_name: ListView picks catalog/content_list.html.
from catalog.models import Creator
from django.shortcuts import get_object_or_404
from django.views.generic import ListView


class CreatorPageView(ListView):
    context_object_name = "contents"
    paginate_by = 5

    def get_queryset(self):
        self.creator = get_object_or_404(Creator, slug=self.kwargs["slug"])
        return self.creator.contents.filter(is_public=True)

    def get_context_data(self, **kwargs):
        return super().get_context_data(creator=self.creator, **kwargs)
