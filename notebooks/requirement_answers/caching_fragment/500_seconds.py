# Ignores "cached for 500 seconds": caches the fragment for 60.
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key


def card_template():
    return (
        "{% load cache %}<h2>{{ creator.name }}</h2>"
        "{% cache 60 creator_card creator.pk %}<ul>"
        "{% for item in creator.contents.all %}"
        "{% if item.is_public %}<li>{{ item.title }}</li>{% endif %}"
        "{% endfor %}</ul>{% endcache %}"
    )


def invalidate_card(creator):
    cache.delete(make_template_fragment_key("creator_card", [creator.pk]))
