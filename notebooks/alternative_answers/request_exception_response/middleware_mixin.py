# Another correct answer: MiddlewareMixin, json.dumps and the header set afterwards.
import json

from django.http import HttpResponse
from django.utils.deprecation import MiddlewareMixin


class LockedContentMiddleware(MiddlewareMixin):
    def process_exception(self, request, exception):
        if not isinstance(exception, ContentLocked):
            return None
        payload = json.dumps({"error": "locked", "slug": exception.slug})
        response = HttpResponse(payload, content_type="application/json", status=423)
        response["Retry-After"] = "30"
        return response
