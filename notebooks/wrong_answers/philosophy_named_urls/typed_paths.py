# Types every path: right today, wrong as soon as an app or the admin moves.
from urllib.parse import urlencode


def content_links(content):
    return {
        "detail": f"/content/{content.slug}/",
        "creator": f"/creators/{content.creator.slug}/",
        "edit": f"/admin/catalog/content/{content.pk}/change/",
        "admin_search": "/admin/catalog/content/?" + urlencode({"q": content.title}),
    }


SHARE_TEMPLATE = (
    '<a href="/content/{{ content.slug }}/">{{ content.title }}</a> by '
    '<a href="/creators/{{ content.creator.slug }}/">{{ content.creator.name }}</a>'
)
