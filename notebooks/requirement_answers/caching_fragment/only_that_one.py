# Ignores "and only that one": clears the whole cache.
from django.core.cache import cache


def card_template():
    return (
        "{% load cache %}<h2>{{ creator.name }}</h2>"
        "{% cache 500 creator_card creator.pk %}<ul>"
        "{% for item in creator.contents.all %}"
        "{% if item.is_public %}<li>{{ item.title }}</li>{% endif %}"
        "{% endfor %}</ul>{% endcache %}"
    )


def invalidate_card(creator):
    cache.clear()
