"""``workbook room``: the live view of a workshop, a page that refreshes itself.

For every participant and task: does the task's visible test pass in their saved notebook
(checked in the sandbox by ``live.Room``)? Above the grid, one bar per task: "14 of 20 have
Task 3 passing", so the teacher knows when to move on. ``workbook hub`` runs it as a
JupyterHub service at ``/services/room/``, which only the teacher (an admin) may open; run
by hand it serves 127.0.0.1 only. ``status.json`` beside the page gives the same as data.
"""

import json
import os
import signal
import threading
from pathlib import Path

import jinja2
from tornado import ioloop, web

from workbook.errors import CommandError
from workbook.workshop.folder import HubFolder
from workbook.workshop.live import Room

STOP_SECONDS = 5  # to let a refresh in progress notice the stop
TEMPLATES = Path(__file__).resolve().parent / "templates"
_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


def summary_line(snapshot, column):
    total = len(snapshot.participants)
    return f"{snapshot.count(column.id)} of {total} have {column.title} passing"


def status(snapshot):
    """The snapshot as plain data: what ``status.json`` answers."""
    return {
        "participants": snapshot.participants,
        "pending": sorted(snapshot.pending),
        "tasks": [
            {
                "notebook": column.notebook,
                "id": column.id,
                "title": column.title,
                "passing": snapshot.count(column.id),
                "summary": summary_line(snapshot, column),
            }
            for column in snapshot.columns
        ],
        "passing": {
            name: [c.id for c in snapshot.columns if snapshot.passing.get((name, c.id))]
            for name in snapshot.participants
        },
        "problems": [
            {"participant": name, "notebook": notebook, "problem": text}
            for (name, notebook), text in sorted(snapshot.problems.items())
        ],
    }


def page(snapshot, every):
    """The live view as one HTML page that reloads itself every ``every`` seconds."""
    data = status(snapshot)
    total = max(1, len(snapshot.participants))
    for task in data["tasks"]:
        task["notebook"] = task["notebook"].removesuffix(".ipynb")
        task["share"] = round(100 * task["passing"] / total)
    rows = [
        {
            "name": name,
            "pending": name in snapshot.pending,
            "states": [snapshot.passing.get((name, c.id)) for c in snapshot.columns],
        }
        for name in snapshot.participants
    ]
    template = _environment.get_template("room.html.j2")
    return template.render(every=every, rows=rows, **data)


def handlers(room, every, prefix):
    """The page and its data, behind the hub's login when run as a hub service."""
    if os.environ.get("JUPYTERHUB_API_TOKEN"):
        from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated

        guard = (HubOAuthenticated,)
        extra = [(prefix + "oauth_callback", HubOAuthCallbackHandler)]
    else:
        guard, extra = (), []

    class Page(*guard, web.RequestHandler):
        @web.authenticated
        def get(self):
            self.finish(page(room.snapshot(), every))

        def get_current_user(self):  # no hub: 127.0.0.1 only, like `workbook lab`
            return super().get_current_user() if guard else "local"

    class Status(Page):
        @web.authenticated
        def get(self):
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps(status(room.snapshot())))

    return [(prefix, Page), (prefix + "status.json", Status), *extra]


def run(args):
    hub = HubFolder(args.hub_folder)
    if not (hub.course / "release").is_dir():
        raise CommandError(f"{hub.root} holds no workshop course: start `workbook hub` first.")
    try:
        teacher = hub.settings()["teacher"]
    except (OSError, ValueError, KeyError):
        teacher = "teacher"
    try:
        room = Room(hub, teacher=teacher, workers=args.workers)
    except RuntimeError as error:
        raise CommandError(str(error)) from None
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
    app = web.Application(handlers(room, args.every, prefix), cookie_secret=os.urandom(32))
    app.listen(args.port, address="127.0.0.1")
    stop = threading.Event()
    watcher = threading.Thread(target=room.watch, args=(args.every, stop), daemon=True)
    watcher.start()
    loop = ioloop.IOLoop.current()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: loop.add_callback_from_signal(loop.stop))
    print(f"The room: http://127.0.0.1:{args.port}{prefix}", flush=True)
    try:
        loop.start()
    finally:
        stop.set()
        watcher.join(timeout=STOP_SECONDS)
        room.close()
    return 0
