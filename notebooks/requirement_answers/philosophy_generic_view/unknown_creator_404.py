# Filters by slug without looking the creator up: an unknown creator gets an empty page.
from catalog.models import Content, Creator
from django.views.generic import ListView


class CreatorPageView(ListView):
    template_name = "catalog/creator_detail.html"
    context_object_name = "contents"
    paginate_by = 5

    def get_queryset(self):
        slug = self.kwargs["slug"]
        self.creator = Creator.objects.filter(slug=slug).first()
        return Content.objects.filter(creator__slug=slug, is_public=True)

    def get_context_data(self, **kwargs):
        return super().get_context_data(creator=self.creator, **kwargs)
