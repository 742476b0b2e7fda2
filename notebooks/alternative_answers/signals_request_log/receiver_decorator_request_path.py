# @receiver with dispatch_uids; the failing path read from request.path_info.
from django.core.signals import got_request_exception, request_finished, request_started
from django.dispatch import receiver

request_log = {"started": [], "finished": 0, "failed": []}


@receiver(request_started, dispatch_uid="log-started")
def on_request_started(sender, environ, **kwargs):
    request_log["started"].append(environ.get("PATH_INFO", ""))


@receiver(request_finished, dispatch_uid="log-finished")
def on_request_finished(sender, **kwargs):
    request_log["finished"] = request_log["finished"] + 1


@receiver(got_request_exception, dispatch_uid="log-exception")
def on_request_exception(sender, **kwargs):
    request_log["failed"].append(kwargs["request"].path_info)
