# Another correct answer: \d-free regexes with explicit classes, and a regex for the files.
from django.urls import path, re_path

urlpatterns = [
    re_path(r"^tags/(?P<name>[a-z]+(?:-*[a-z]*)*)/$", tag_detail, name="tag-detail"),
    re_path(r"^archive/([0-9][0-9][0-9][0-9])/([0-9][0-9])/$", archive_month, name="archive-month"),
    path("content/<int:pk>/", content_detail, name="content-detail"),
    path("creators/<slug:slug>/", creator_detail, name="creator-detail"),
    re_path(r"^files/(?P<path>.+)$", download, name="download"),
]
