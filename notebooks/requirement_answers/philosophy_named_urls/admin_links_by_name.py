# Types the admin paths (the catalogue links are reversed).
from urllib.parse import urlencode

from django.urls import reverse


def content_links(content):
    return {
        "detail": reverse("catalog:content-detail", args=[content.slug]),
        "creator": reverse("catalog:creator-detail", args=[content.creator.slug]),
        "edit": f"/admin/catalog/content/{content.pk}/change/",
        "admin_search": "/admin/catalog/content/?" + urlencode({"q": content.title}),
    }


SHARE_TEMPLATE = (
    "<a href=\"{% url 'catalog:content-detail' content.slug %}\">{{ content.title }}</a> by "
    "<a href=\"{% url 'catalog:creator-detail' content.creator.slug %}\">"
    "{{ content.creator.name }}</a>"
)
