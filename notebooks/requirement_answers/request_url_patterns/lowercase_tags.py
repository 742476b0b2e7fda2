# Ignores "lowercase letters and hyphens": [-\w]+ also takes tags/Jazz/ and tags/jazz_fusion/.

from django.urls import path, re_path

urlpatterns = [
    path("content/<int:pk>/", content_detail, name="content-detail"),
    path("creators/<slug:slug>/", creator_detail, name="creator-detail"),
    re_path(r"^archive/([0-9]{4})/([0-9]{2})/$", archive_month, name="archive-month"),
    re_path(r"^tags/(?P<name>[-\w]+)/$", tag_detail, name="tag-detail"),
    path("files/<path:path>", download, name="download"),
]
