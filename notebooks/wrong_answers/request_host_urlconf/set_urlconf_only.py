# Calls django.urls.set_urlconf(): that sets the thread's URLconf for reverse(), not the resolver's.
from django.http.request import split_domain_port
from django.urls import set_urlconf


class HostUrlconfMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        domain, _port = split_domain_port(request.get_host())
        if domain == "api.catalog.test":
            set_urlconf("request_api_urls")
        return self.get_response(request)
