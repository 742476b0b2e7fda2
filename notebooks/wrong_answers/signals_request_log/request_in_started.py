# Expects a request object in request_started: it gets the WSGI environ (no request exists yet).
from django.core.signals import got_request_exception, request_finished, request_started

request_log = {"started": [], "finished": 0, "failed": []}


def on_request_started(sender, **kwargs):
    request = kwargs.get("request")
    if request is not None:
        request_log["started"].append(request.path)


def on_request_finished(sender, **kwargs):
    request_log["finished"] += 1


def on_request_exception(sender, request=None, **kwargs):
    request_log["failed"].append(request.path)


request_started.connect(on_request_started, dispatch_uid="log-started")
request_finished.connect(on_request_finished, dispatch_uid="log-finished")
got_request_exception.connect(on_request_exception, dispatch_uid="log-exception")
