# Another correct answer: MiddlewareMixin hooks and the @receiver decorator.
from django.core.signals import got_request_exception, request_finished, request_started
from django.dispatch import receiver
from django.utils.deprecation import MiddlewareMixin


class TracingMiddleware(MiddlewareMixin):
    label = "trace"

    def process_request(self, request):
        trace.append((self.label, "request", request.path))

    def process_view(self, request, view_func, view_args, view_kwargs):
        trace.append((self.label, "view", view_func.__name__, view_args, view_kwargs))

    def process_exception(self, request, exception):
        trace.append((self.label, "exception", exception.__class__.__name__))

    def process_template_response(self, request, response):
        trace.append((self.label, "template_response"))
        return response

    def process_response(self, request, response):
        trace.append((self.label, "response", response.status_code))
        return response


@receiver(request_started, dispatch_uid="alt-trace-started")
def started(sender, **kwargs):
    trace.append(("request_started", kwargs["environ"]["PATH_INFO"]))


@receiver(got_request_exception, dispatch_uid="alt-trace-exception")
def failed(sender, **kwargs):
    trace.append(("got_request_exception", kwargs["request"].path))


@receiver(request_finished, dispatch_uid="alt-trace-finished")
def finished(sender, **kwargs):
    trace.append(("request_finished",))
