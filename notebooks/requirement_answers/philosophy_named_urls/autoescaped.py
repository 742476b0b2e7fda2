# Marks the title and name safe: a title with & reaches the HTML unescaped.

from django.urls import reverse


def content_links(content):
    return {
        "detail": reverse("catalog:content-detail", args=[content.slug]),
        "creator": reverse("catalog:creator-detail", args=[content.creator.slug]),
        "edit": reverse("admin:catalog_content_change", args=[content.pk]),
        "admin_search": reverse("admin:catalog_content_changelist", query={"q": content.title}),
    }


SHARE_TEMPLATE = (
    "<a href=\"{% url 'catalog:content-detail' content.slug %}\">{{ content.title|safe }}</a> by "
    "<a href=\"{% url 'catalog:creator-detail' content.creator.slug %}\">"
    "{{ content.creator.name|safe }}</a>"
)
