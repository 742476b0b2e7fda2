# get_absolute_url() for the public pages; admin names built from _meta; urlencode for the query.
from urllib.parse import urlencode

from django.urls import reverse


def content_links(content):
    opts = content._meta
    admin_name = f"admin:{opts.app_label}_{opts.model_name}"
    return {
        "detail": content.get_absolute_url(),
        "creator": content.creator.get_absolute_url(),
        "edit": reverse(f"{admin_name}_change", args=[content.pk]),
        "admin_search": f"{reverse(admin_name + '_changelist')}?{urlencode({'q': content.title})}",
    }


SHARE_TEMPLATE = (
    '<a href="{{ content.get_absolute_url }}">{{ content.title }}</a> by '
    '<a href="{{ content.creator.get_absolute_url }}">{{ content.creator.name }}</a>'
)
