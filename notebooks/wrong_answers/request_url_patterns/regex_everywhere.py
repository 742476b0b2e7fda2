# Uses re_path() with named groups for everything: pk arrives as the string "12", not an int.
from django.urls import re_path

urlpatterns = [
    re_path(r"^content/(?P<pk>[0-9]+)/$", content_detail, name="content-detail"),
    re_path(r"^creators/(?P<slug>[-a-zA-Z0-9_]+)/$", creator_detail, name="creator-detail"),
    re_path(r"^archive/([0-9]{4})/([0-9]{2})/$", archive_month, name="archive-month"),
    re_path(r"^tags/(?P<name>[a-z-]+)/$", tag_detail, name="tag-detail"),
    re_path(r"^files/(?P<path>.+)$", download, name="download"),
]
