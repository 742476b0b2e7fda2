# Reads request.META["HTTP_HOST"]: a request without a Host header (HTTP/1.0) is a 500.
class HostUrlconfMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request.META["HTTP_HOST"].split(":")[0].lower()
        if host == "api.catalog.test":
            request.urlconf = "request_api_urls"
        return self.get_response(request)
