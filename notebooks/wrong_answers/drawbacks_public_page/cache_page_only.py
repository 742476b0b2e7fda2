# Caches on the server with cache_page: no "public", no ETag, no 304 for the shared cache.
from catalog import views
from django.views.decorators.cache import cache_page

popular_page = cache_page(300)(views.popular_tags)
