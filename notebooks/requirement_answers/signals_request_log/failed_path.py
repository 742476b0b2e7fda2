# Ignores "append the failing request's path": got_request_exception is never connected.
from django.core.signals import request_finished, request_started

request_log = {"started": [], "finished": 0, "failed": []}


def on_request_started(sender, **kwargs):
    request_log["started"].append(kwargs["environ"]["PATH_INFO"])


def on_request_finished(sender, **kwargs):
    request_log["finished"] += 1


def on_request_exception(sender, request=None, **kwargs):
    request_log["failed"].append(request.path)


request_started.connect(on_request_started, dispatch_uid="signals-log-started")
request_finished.connect(on_request_finished, dispatch_uid="signals-log-finished")
