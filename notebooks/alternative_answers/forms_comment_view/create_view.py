# A CreateView: form_valid() fills in content and created; the template is a Template object.
# ruff: noqa: F821  (CommentForm is defined in the notebook)
from catalog.models import Comment, Content
from django.shortcuts import get_object_or_404
from django.template import engines
from django.utils import timezone
from django.views.generic import CreateView

COMMENT_PAGE = engines["django"].from_string(
    "<h1>{{ content.title }}</h1>"
    "<form method='post'>{% csrf_token %}{{ form.as_p }}<input type='submit'></form>"
)


class CommentCreate(CreateView):
    model = Comment
    form_class = CommentForm

    def dispatch(self, request, *args, **kwargs):
        self.content = get_object_or_404(Content, slug=kwargs["slug"], is_public=True)
        return super().dispatch(request, *args, **kwargs)

    def get_template_names(self):
        return COMMENT_PAGE  # a Template object, used as it is by TemplateResponse

    def get_context_data(self, **kwargs):
        return super().get_context_data(content=self.content, **kwargs)

    def form_valid(self, form):
        form.instance.content = self.content
        form.instance.created = timezone.now()
        return super().form_valid(form)

    def get_success_url(self):
        return self.content.get_absolute_url()


comment_on = CommentCreate.as_view()
