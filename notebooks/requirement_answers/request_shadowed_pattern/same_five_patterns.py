# Ignores "none removed": drops the catch-all, so unknown pages are 404s instead of flat pages.
from django.urls import path, re_path

fixed_patterns = [
    path("content/new/", content_new, name="content-new"),
    path("content/<slug:slug>/", content_page, name="content-page"),
    re_path(r"^content/(?P<slug>[-\w]+)/edit/$", content_edit, name="content-edit"),
    path("about/", about_page, name="about"),
]
