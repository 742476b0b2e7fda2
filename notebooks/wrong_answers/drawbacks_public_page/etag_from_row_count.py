# Versions the page by the number of contents: a change of plays keeps the same ETag (stale 304).
from catalog import views
from catalog.models import Content
from django.views.decorators.cache import cache_control
from django.views.decorators.http import etag


def count_etag(request):
    return f"contents-{Content.objects.count()}"


popular_page = cache_control(public=True, max_age=300)(etag(count_etag)(views.popular_tags))
