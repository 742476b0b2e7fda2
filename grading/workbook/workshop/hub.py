"""``workbook hub``: a JupyterHub for a workshop room, on this machine.

It builds the hub's course from the instructor notebooks (``<hub>/course``, with the
candidate bundle beside it for anyone who prefers their own laptop), releases the assignment
to nbgrader's exchange (``<hub>/exchange``), writes what it decided to
``<hub>/state/settings.json`` and replaces itself with JupyterHub, configured by
``jupyterhub_config.py`` beside this file: configurable-http-proxy in front, one local
JupyterLab per person (``spawner``), the teacher an admin with formgrader, and the live view
of the room (``room``) as a hub service. Ctrl+C stops the hub, the proxy and every server.
"""

import os
import re
import socket
import sys
from pathlib import Path

from workbench.kernelspec import install

from workbook.course import Course
from workbook.errors import CommandError
from workbook.isolation.sandboxing import bwrap_problem
from workbook.paths import NOTEBOOKS_DIR
from workbook.pipeline.release import release
from workbook.workshop import exchange
from workbook.workshop.folder import USERNAME_PATTERN, HubFolder
from workbook.workshop.needs import hub_problem

CONFIG = Path(__file__).with_name("jupyterhub_config.py")
TEACHER_PASSWORD_LENGTH = 32  # jupyterhub's minimum for an admin's shared password


def free_port():
    """A free TCP port on 127.0.0.1, for the hub's own internal servers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def room_address(ip):
    """The host name to hand out: the machine's address when the hub listens on all."""
    if ip not in ("0.0.0.0", ""):
        return ip
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # UDP: picks a route, sends nothing
            return probe.getsockname()[0]
        except OSError:
            return socket.gethostname()


def prepare(hub, source=NOTEBOOKS_DIR):
    """Build the hub's course and release it to the exchange; return the course."""
    release(source, hub.root)
    course = Course(hub.course)
    exchange.release(course, hub.exchange)
    for folder in (hub.homes, hub.state):
        folder.mkdir(parents=True, exist_ok=True)
    return course


def hub_settings(args, hub):
    """What the hub's configuration needs to know, from the command's options."""
    if not re.match(USERNAME_PATTERN, args.teacher):
        raise CommandError(
            f"--teacher {args.teacher!r}: use lower-case letters, digits, - and _ (up to 40)."
        )
    settings = {
        "ip": args.ip,
        "port": args.port,
        "hub_port": free_port(),
        "proxy_api_port": free_port(),
        "room_port": free_port(),
        "room_every": args.every,
        "room_problem": bwrap_problem(),  # no sandbox, no live view: never run code unconfined
        "teacher": args.teacher,
        "auth": args.auth,
        "prefetch": args.prefetch,
    }
    if args.auth == "shared":
        settings["password"] = args.password or hub.secret("workshop-password")
        if len(settings["password"]) < 8:
            raise CommandError("--password must be at least 8 characters long.")
        settings["teacher_password"] = hub.secret("teacher-password", TEACHER_PASSWORD_LENGTH)
    return settings


def greeting(hub, settings):
    """The lines that tell the teacher what to hand out and how to log in."""
    address = f"http://{room_address(settings['ip'])}:{settings['port']}/"
    teacher = settings["teacher"]
    lines = [f"Workshop hub: {address}  (hand this address out)"]
    if settings["auth"] == "shared":
        lines += [
            f"  Participants: any name, workshop password {settings['password']}",
            f"  Teacher: log in as {teacher!r} with the password in "
            f"{hub.state / 'teacher-password.txt'}",
        ]
    elif settings["auth"] == "first-use":
        lines.append(f"  Everyone sets their password at first login: log in as {teacher!r} first.")
    else:
        lines.append("  Trial mode: any name and any password logs in (never use it for a room).")
    if settings["room_problem"]:
        lines.append(
            f"  No live view of the room: it needs the sandbox: {settings['room_problem']}"
        )
    else:
        lines.append(f"  Live view of the room (teacher only): {address}services/room/")
    lines += [
        f"  Afterwards: workbook exchange collect --hub-folder {hub.root}, then "
        f"workbook autograde --course {hub.course}",
        "Ctrl+C stops the hub and everyone's server.",
    ]
    return lines


def run(args):
    problem = hub_problem()
    if problem:
        raise CommandError(problem)
    if args.auth == "first-use":
        try:
            import firstuseauthenticator  # noqa: F401
        except ImportError:
            raise CommandError(
                "first-use passwords need jupyterhub-firstuseauthenticator: "
                "pip install jupyterhub-firstuseauthenticator"
            ) from None
    hub = HubFolder(args.hub_folder)
    install()  # the workbook's kernel, current with this environment
    print(f"Preparing {hub.root}: course, candidate notebooks, exchange...", flush=True)
    prepare(hub, args.source)
    settings = hub_settings(args, hub)
    hub.write_settings(settings)
    print("\n".join(greeting(hub, settings)), flush=True)
    env = dict(os.environ, WORKBOOK_HUB_FOLDER=str(hub.root))
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    os.chdir(hub.state)
    argv = [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)]
    os.execve(sys.executable, argv, env)
