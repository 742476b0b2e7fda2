"""``workbook room``: the live view of a workshop, a page that refreshes itself.

For every participant and task: does the task's visible test pass in their saved notebook
(checked in the sandbox by ``live.Room``)? Above the grid, one bar per task: "14 of 20 have
Task 3 passing", so the teacher knows when to move on. ``workbook hub`` runs it as a
JupyterHub service at ``/services/room/``, which only the teacher (an admin) may open; run
by hand it serves 127.0.0.1 only. ``status.json`` beside the page gives the same as data.
"""

import html
import json
import os
import signal
import threading

from tornado import ioloop, web

from workbook.errors import CommandError
from workbook.workshop.folder import HubFolder
from workbook.workshop.live import Room

STYLE = """
body { font: 14px system-ui, sans-serif; margin: 1.5em; color: #222 }
table { border-collapse: collapse } td, th { padding: 2px 8px; text-align: left }
.bar { background: #e8e8e8; width: 240px; height: 14px; display: inline-block }
.bar span { background: #2e8b57; height: 14px; display: block }
.grid td { text-align: center; border: 1px solid #ddd } .pass { background: #c9f0d3 }
.fail { background: #f6d5d5 } .none { color: #aaa } .note { color: #a33; font-size: 12px }
"""


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
    e = html.escape
    total = max(1, len(snapshot.participants))
    rows = []
    for column in snapshot.columns:
        share = 100 * snapshot.count(column.id) / total
        rows.append(
            f"<tr><td>{e(column.notebook.removesuffix('.ipynb'))}</td>"
            f"<td><span class='bar'><span style='width:{share:.0f}%'></span></span></td>"
            f"<td>{e(summary_line(snapshot, column))}</td></tr>"
        )
    head = "".join(f"<th title='{e(c.title)}'>{e(c.id)}</th>" for c in snapshot.columns)
    grid = []
    for name in snapshot.participants:
        cells = []
        for column in snapshot.columns:
            state = snapshot.passing.get((name, column.id))
            mark, kind = {True: ("✓", "pass"), False: ("✗", "fail"), None: ("·", "none")}[state]
            cells.append(f"<td class='{kind}'>{mark}</td>")
        waiting = " (checking…)" if name in snapshot.pending else ""
        grid.append(f"<tr><th>{e(name)}{e(waiting)}</th>{''.join(cells)}</tr>")
    notes = "".join(
        f"<li class='note'>{e(name)}, {e(notebook)}: {e(text)}</li>"
        for (name, notebook), text in sorted(snapshot.problems.items())
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<meta http-equiv='refresh' content='{every}'><title>The room</title>"
        f"<style>{STYLE}</style></head><body>"
        f"<h1>The room: {len(snapshot.participants)} participant(s)</h1>"
        f"<p>Visible tests of each participant's saved notebooks, checked in the sandbox; "
        f"this page refreshes every {every} s.</p>"
        f"<table>{''.join(rows)}</table>"
        f"<h2>Participant by task</h2><table class='grid'><tr><th></th>{head}</tr>"
        f"{''.join(grid)}</table><ul>{notes}</ul></body></html>"
    )


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
    every = int(os.environ.get("WORKBOOK_ROOM_EVERY", args.every))
    try:
        teacher = hub.settings()["teacher"]
    except (OSError, ValueError, KeyError):
        teacher = "teacher"
    try:
        room = Room(hub, teacher=teacher, workers=args.workers)
    except RuntimeError as error:
        raise CommandError(str(error)) from None
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
    app = web.Application(handlers(room, every, prefix), cookie_secret=os.urandom(32))
    app.listen(args.port, address="127.0.0.1")
    stop = threading.Event()
    watcher = threading.Thread(target=room.watch, args=(every, stop), daemon=True)
    watcher.start()
    loop = ioloop.IOLoop.current()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: loop.add_callback_from_signal(loop.stop))
    print(f"The room: http://127.0.0.1:{args.port}{prefix}", flush=True)
    try:
        loop.start()
    finally:
        stop.set()
        watcher.join(timeout=TIMEOUT_JOIN)
        room.close()
    return 0


TIMEOUT_JOIN = 5  # seconds to let a refresh in progress notice the stop
