"""``workbook lab``: open JupyterLab on the candidate's workspace with the sandbox kernel.

The workspace (``build/workspace/``) holds the person's own copies of the candidate notebooks;
see ``workbook.candidate.workspace`` for how updates never overwrite their work. JupyterLab gets a
configuration folder of its own (``build/lab/jupyter/``, on ``JUPYTER_CONFIG_PATH``) that
points nbgrader's Validate button and Assignment List at this course and at a local exchange
(``build/lab/exchange/``), and hides the instructor-only nbgrader tools from candidates.

``workbook lab --instructor`` opens the instructor notebooks instead, with formgrader pointed at
the graded course (``build/course/`` or ``--course``): its gradebook is the one ``workbook grade``
filled, so Manual Grading lists the submissions, and no gradebook appears anywhere else.
Formgrader needs the course inside the server's root, so that root is the folder holding both.

The lab's terminals run the shell as a non-login shell with this environment's ``bin/`` first on
PATH: a login shell would read ``/etc/profile``, which sets PATH afresh and loses ``workbook``.
"""

import json
import os
import sys
from pathlib import Path

from workbench.kernelspec import install

from workbook.candidate.workspace import Layout, open_workspace
from workbook.course import ASSIGNMENT
from workbook.errors import CommandError
from workbook.paths import GRADING_DIR

# nbgrader's lab plugins and server extension a candidate has no use for.
INSTRUCTOR_PLUGINS = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"]
# The news pop-up asks to fetch news from the internet: off for everyone.
QUIET_PLUGINS = ["@jupyterlab/apputils-extension:announcements"]
INSTRUCTOR_SERVER_EXTENSIONS = ["nbgrader.server_extensions.formgrader"]


def write_jupyter_config(layout, *, course=None, start=None):
    """Write the lab's Jupyter configuration folder and return it.

    ``course`` (a course folder) makes it the instructor's lab: formgrader on that course;
    without it, the candidate's: no instructor tools. ``start``: the folder (relative to the
    server's root) the file browser opens in.
    """
    candidate = course is None
    folder = layout.lab / "jupyter"
    exchange = layout.lab / "exchange"
    exchange.mkdir(parents=True, exist_ok=True)
    (folder / "labconfig").mkdir(parents=True, exist_ok=True)
    shared = GRADING_DIR / "nbgrader_config.py"
    lines = [
        '"""nbgrader settings for `workbook lab` (written by it: edit workbook/lab.py)."""',
        "c = get_config()  # noqa: F821",
    ]
    if shared.is_file():
        lines.append(f"load_subconfig({str(shared)!r})  # noqa: F821")
    lines += [
        f"c.Exchange.root = {str(exchange)!r}",
    ]
    if course is not None:
        source = course / "source" / ASSIGNMENT
        lines += [
            f"c.CourseDirectory.root = {str(course)!r}",
            f"c.CourseDirectory.db_url = {'sqlite:///' + str(course / 'gradebook.db')!r}",
            "# Formgrader's Generate Feedback hides hidden tests and rubrics, as workbook does.",
            "from workbook.pipeline.feedback import use_feedback_steps",
            f"use_feedback_steps(c, {str(source)!r})",
        ]
    lines.append("")
    (folder / "nbgrader_config.py").write_text("\n".join(lines))
    disabled = QUIET_PLUGINS + (INSTRUCTOR_PLUGINS if candidate else [])
    page_config = {"disabledExtensions": {plugin: True for plugin in disabled}}
    (folder / "labconfig" / "page_config.json").write_text(json.dumps(page_config, indent=1))
    server = {"terminado_settings": {"shell_command": [os.environ.get("SHELL") or "sh"]}}
    # Validate answers with a summary first (workbook.candidate.validate), not nbgrader's own.
    server["jpserver_extensions"] = {
        "nbgrader.server_extensions.validate_assignment": False,
        "workbook.candidate.validate": True,
    }
    if candidate:
        server["jpserver_extensions"].update(dict.fromkeys(INSTRUCTOR_SERVER_EXTENSIONS, False))
    settings = {"ServerApp": server}
    if start:
        settings["LabApp"] = {"default_url": f"/lab/tree/{start}"}
    (folder / "jupyter_server_config.json").write_text(json.dumps(settings))
    return folder


def environment(config):
    """Return the server's environment: ``config`` read first, this environment's ``bin/``
    first on PATH (for the terminals, and the ``workbook`` they run)."""
    env = dict(os.environ)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        [str(config), *filter(None, [os.environ.get("JUPYTER_CONFIG_PATH")])]
    )
    scripts = str(Path(sys.executable).parent)
    rest = [p for p in env.get("PATH", "").split(os.pathsep) if p and p != scripts]
    env["PATH"] = os.pathsep.join([scripts, *rest])
    return env


def prepare(layout=None, *, instructor=False, course=None, out=sys.stdout):
    """Sync the workspace (or, for the instructor, find the course) and write the
    configuration; return ``(root_dir, environment)``."""
    layout = layout or Layout()
    if instructor:
        course = Path(course or layout.build / "course").resolve()
        course.mkdir(parents=True, exist_ok=True)
        root = Path(os.path.commonpath([layout.notebooks, course]))
        if not (course / "gradebook.db").is_file():
            print(
                f"No graded course in {course} yet: formgrader shows it once `workbook grade` "
                "has run (or pass --course with the folder you grade in).",
                file=out,
            )
        print(f"Formgrader grades the course in {course}.", file=out)
    else:
        workspace, changes = open_workspace(layout)
        root = workspace.folder
        for change in changes:
            print(f"  {change.message}", file=out)
        print(f"Your workspace: {root} (your edits there are never overwritten).", file=out)
    start = layout.notebooks.relative_to(root).as_posix() if instructor else None
    config = write_jupyter_config(layout, course=course if instructor else None, start=start)
    return root, environment(config)


def command(root, *, port=8888, browser=False, token=None):
    """Return the argv that starts JupyterLab on ``root``."""
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI run as root
        argv.append("--allow-root")
    if token is not None:
        argv.append(f"--IdentityProvider.token={token}")
    if not browser:
        argv.append("--no-browser")
    return argv


def run(args):
    if args.course and not args.instructor:
        raise CommandError("--course goes with --instructor (formgrader's course).")
    install()
    layout = Layout(args.root) if args.root else Layout()
    root, env = prepare(layout, instructor=args.instructor, course=args.course)
    has_display = sys.platform != "linux" or any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY")
    )
    browser = not args.no_browser and has_display
    argv = command(root, port=args.port, browser=browser, token=args.token)
    print("Starting JupyterLab: open the URL it prints below (Ctrl+C stops it).", flush=True)
    os.chdir(Path(root))
    os.execve(sys.executable, argv, env)
