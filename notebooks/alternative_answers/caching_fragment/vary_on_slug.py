# Another correct answer: the fragment varies on the creator's (unique) slug.
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key


def card_template():
    return """{% load cache %}
<article>
  <h2>{{ creator.name }}</h2>
  {% cache 500 card creator.slug %}
  <ul>
    {% for item in creator.contents.all %}{% if item.is_public %}
    <li>{{ item.title }}</li>
    {% endif %}{% endfor %}
  </ul>
  {% endcache %}
</article>"""


def invalidate_card(creator):
    cache.delete(make_template_fragment_key("card", [creator.slug]))
