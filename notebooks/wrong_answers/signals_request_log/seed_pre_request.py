# Uses the seed article's pre_request/post_request signals, which Django does not have.
from django.core.signals import got_request_exception, post_request, pre_request

request_log = {"started": [], "finished": 0, "failed": []}


def on_request_started(sender, **kwargs):
    request_log["started"].append(kwargs["request"].path)


def on_request_finished(sender, **kwargs):
    request_log["finished"] += 1


def on_request_exception(sender, request=None, **kwargs):
    request_log["failed"].append(request.path)


pre_request.connect(on_request_started, dispatch_uid="log-started")
post_request.connect(on_request_finished, dispatch_uid="log-finished")
got_request_exception.connect(on_request_exception, dispatch_uid="log-exception")
