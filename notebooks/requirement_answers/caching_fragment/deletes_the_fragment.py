# Ignores "deletes that creator's fragment": deletes a key the {% cache %} tag never used.
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key


def card_template():
    return (
        "{% load cache %}<h2>{{ creator.name }}</h2>"
        "{% cache 500 creator_card creator.pk %}<ul>"
        "{% for item in creator.contents.all %}"
        "{% if item.is_public %}<li>{{ item.title }}</li>{% endif %}"
        "{% endfor %}</ul>{% endcache %}"
    )


def invalidate_card(creator):
    cache.delete(make_template_fragment_key("creator_card", [creator.slug]))
