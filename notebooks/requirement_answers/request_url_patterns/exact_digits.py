# Ignores "exactly four digits, then two": [0-9]+ also takes archive/2024/5/ and archive/24/05/.

from django.urls import path, re_path

urlpatterns = [
    path("content/<int:pk>/", content_detail, name="content-detail"),
    path("creators/<slug:slug>/", creator_detail, name="creator-detail"),
    re_path(r"^archive/([0-9]+)/([0-9]+)/$", archive_month, name="archive-month"),
    re_path(r"^tags/(?P<name>[a-z-]+)/$", tag_detail, name="tag-detail"),
    path("files/<path:path>", download, name="download"),
]
