# Answers every exception as "locked": a bug in a view becomes a 423 and nobody hears of it.
from django.http import JsonResponse


class LockedContentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        body = {"error": "locked", "slug": getattr(exception, "slug", "")}
        return JsonResponse(body, status=423, headers={"Retry-After": "30"})
