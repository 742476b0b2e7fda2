# Types the paths in the template (the function reverses its links).

from django.urls import reverse


def content_links(content):
    return {
        "detail": reverse("catalog:content-detail", args=[content.slug]),
        "creator": reverse("catalog:creator-detail", args=[content.creator.slug]),
        "edit": reverse("admin:catalog_content_change", args=[content.pk]),
        "admin_search": reverse("admin:catalog_content_changelist", query={"q": content.title}),
    }


SHARE_TEMPLATE = (
    '<a href="/content/{{ content.slug }}/">{{ content.title }}</a> by '
    '<a href="/creators/{{ content.creator.slug }}/">{{ content.creator.name }}</a>'
)
