# Ignores "never change a setting": switches the global ROOT_URLCONF on every request.
from django.conf import settings
from django.http.request import split_domain_port


class HostUrlconfMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        domain, _port = split_domain_port(request.get_host())
        if domain == "api.catalog.test":
            settings.ROOT_URLCONF = "request_api_urls"
        else:
            settings.ROOT_URLCONF = "sandbox.urls"
        return self.get_response(request)
