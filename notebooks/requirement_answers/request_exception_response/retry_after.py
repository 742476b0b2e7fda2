# Ignores the Retry-After header.

from django.http import JsonResponse


class LockedContentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ContentLocked):
            body = {"error": "locked", "slug": exception.slug}
            return JsonResponse(body, status=423)
        return None
