# Sets an ETag header by hand but never compares If-None-Match: always a full 200.
import hashlib

from catalog import views
from django.views.decorators.cache import cache_control


@cache_control(public=True, max_age=300)
def popular_page(request):
    response = views.popular_tags(request)
    response["ETag"] = '"' + hashlib.md5(response.content).hexdigest() + '"'
    return response
