# Types the catalogue paths (the admin links are reversed).

from django.urls import reverse


def content_links(content):
    return {
        "detail": f"/content/{content.slug}/",
        "creator": f"/creators/{content.creator.slug}/",
        "edit": reverse("admin:catalog_content_change", args=[content.pk]),
        "admin_search": reverse("admin:catalog_content_changelist", query={"q": content.title}),
    }


SHARE_TEMPLATE = (
    "<a href=\"{% url 'catalog:content-detail' content.slug %}\">{{ content.title }}</a> by "
    "<a href=\"{% url 'catalog:creator-detail' content.creator.slug %}\">"
    "{{ content.creator.name }}</a>"
)
