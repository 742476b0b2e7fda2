# Ignores "each connected with a dispatch_uid": a second run of the cell connects them again.
from django.core.signals import got_request_exception, request_finished, request_started

request_log = {"started": [], "finished": 0, "failed": []}


def on_request_started(sender, **kwargs):
    request_log["started"].append(kwargs["environ"]["PATH_INFO"])


def on_request_finished(sender, **kwargs):
    request_log["finished"] += 1


def on_request_exception(sender, request=None, **kwargs):
    request_log["failed"].append(request.path)


request_started.connect(on_request_started)
request_finished.connect(on_request_finished)
got_request_exception.connect(on_request_exception)
