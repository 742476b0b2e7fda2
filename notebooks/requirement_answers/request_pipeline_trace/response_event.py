# Ignores the (label, "response", status) event on the way out.

from django.core.signals import got_request_exception, request_finished, request_started


class TracingMiddleware:
    label = "trace"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        trace.append((self.label, "request", request.path))
        response = self.get_response(request)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        trace.append((self.label, "view", view_func.__name__, view_args, view_kwargs))
        return None

    def process_exception(self, request, exception):
        trace.append((self.label, "exception", type(exception).__name__))
        return None

    def process_template_response(self, request, response):
        trace.append((self.label, "template_response"))
        return response


def trace_request_started(sender, environ, **kwargs):
    trace.append(("request_started", environ["PATH_INFO"]))


def trace_request_finished(sender, **kwargs):
    trace.append(("request_finished",))


def trace_got_request_exception(sender, request=None, **kwargs):
    trace.append(("got_request_exception", request.path))


request_started.connect(trace_request_started, dispatch_uid="request-trace-started")
request_finished.connect(trace_request_finished, dispatch_uid="request-trace-finished")
got_request_exception.connect(trace_got_request_exception, dispatch_uid="request-trace-exception")
