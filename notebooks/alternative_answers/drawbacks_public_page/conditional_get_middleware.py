# Correct too: ConditionalGetMiddleware as a decorator hashes the content into the ETag.
from catalog import views
from django.middleware.http import ConditionalGetMiddleware
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.cache import cache_control

conditional = decorator_from_middleware(ConditionalGetMiddleware)
popular_page = cache_control(public=True, max_age=300)(conditional(views.popular_tags))
