# Counts got_request_exception as the end of a request, and never hears request_finished.
from django.core.signals import got_request_exception, request_started

request_log = {"started": [], "finished": 0, "failed": []}


def on_request_started(sender, **kwargs):
    request_log["started"].append(kwargs["environ"]["PATH_INFO"])


def on_request_finished(sender, **kwargs):
    request_log["finished"] += 1


def on_request_exception(sender, request=None, **kwargs):
    request_log["failed"].append(request.path)
    on_request_finished(sender)


request_started.connect(on_request_started, dispatch_uid="log-started")
got_request_exception.connect(on_request_exception, dispatch_uid="log-exception")
