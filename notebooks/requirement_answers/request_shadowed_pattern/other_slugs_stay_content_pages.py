# Ignores "any other slug still reaches content-page": excludes every slug starting with "new".
from django.urls import path, re_path

fixed_patterns = [
    re_path(r"^content/(?!new)(?P<slug>[-a-zA-Z0-9_]+)/$", content_page, name="content-page"),
    path("content/new/", content_new, name="content-new"),
    re_path(r"^content/(?P<slug>[-\w]+)/edit/$", content_edit, name="content-edit"),
    path("about/", about_page, name="about"),
    path("<path:page>/", flatpage, name="flatpage"),
]
