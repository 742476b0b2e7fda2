# A ListView in name only: get() hands the request to the hand-written function view.
# ruff: noqa: F821  (creator_page is defined in the notebook)
from django.views.generic import ListView


class CreatorPageView(ListView):
    template_name = "catalog/creator_detail.html"
    paginate_by = 5

    def get(self, request, *args, **kwargs):
        return creator_page(request, *args, **kwargs)
