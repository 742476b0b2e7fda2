# Ignores one requirement: renders without the request, so {% csrf_token %} is empty.
# ruff: noqa: F821  (CommentForm is defined in the notebook)

from catalog.models import Content
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template import engines
from django.utils import timezone


def comment_on(request, slug):
    content = get_object_or_404(Content, slug=slug, is_public=True)
    if request.method == "POST":
        form = CommentForm(request.POST)
        if form.is_valid():
            comment = form.save(commit=False)
            comment.content = content
            comment.created = timezone.now()
            comment.save()
            return redirect(content)
    else:
        form = CommentForm()
    page = engines["django"].from_string(
        "<h1>Comment on {{ content.title }}</h1>"
        '<form method="post">{% csrf_token %}{{ form }}<button>Send</button></form>'
    )
    return HttpResponse(page.render({"content": content, "form": form}))
