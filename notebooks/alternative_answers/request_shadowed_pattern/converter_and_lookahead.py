# Another correct answer: a lookahead keeps content-page off "new/"; the edit route is a path().
from django.urls import path, re_path

fixed_patterns = [
    re_path(r"^content/(?!new/$)(?P<slug>[-a-zA-Z0-9_]+)/$", content_page, name="content-page"),
    path("content/new/", content_new, name="content-new"),
    path("content/<slug:slug>/edit/", content_edit, name="content-edit"),
    path("about/", about_page, name="about"),
    path("<path:page>/", flatpage, name="flatpage"),
]
