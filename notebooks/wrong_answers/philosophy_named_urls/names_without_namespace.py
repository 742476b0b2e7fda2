# Reverses the names without their app namespace (catalog:): NoReverseMatch.

from django.urls import reverse


def content_links(content):
    return {
        "detail": reverse("content-detail", args=[content.slug]),
        "creator": reverse("creator-detail", args=[content.creator.slug]),
        "edit": reverse("admin:catalog_content_change", args=[content.pk]),
        "admin_search": reverse("admin:catalog_content_changelist", query={"q": content.title}),
    }


SHARE_TEMPLATE = (
    "<a href=\"{% url 'content-detail' content.slug %}\">{{ content.title }}</a> by "
    "<a href=\"{% url 'creator-detail' content.creator.slug %}\">"
    "{{ content.creator.name }}</a>"
)
