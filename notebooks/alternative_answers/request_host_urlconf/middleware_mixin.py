# Another correct answer: MiddlewareMixin's process_request, the host split by hand.
from django.utils.deprecation import MiddlewareMixin


class HostUrlconfMiddleware(MiddlewareMixin):
    def process_request(self, request):
        host = request.get_host().lower()
        # An IPv6 address such as [::1]:8000 keeps its brackets.
        domain = host.split("]")[0] + "]" if host.startswith("[") else host.split(":")[0]
        if domain == "api.catalog.test":
            request.urlconf = "request_api_urls"
