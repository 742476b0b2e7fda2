"""``workbook lab``: open JupyterLab on the candidate's workspace with the sandbox kernel.

The workspace (``build/workspace/``) holds the person's own copies of the candidate notebooks;
see ``workbook.candidate.workspace`` for how updates never overwrite their work. JupyterLab gets a
configuration folder of its own (``build/lab/jupyter/``, on ``JUPYTER_CONFIG_PATH``) that
points nbgrader's Validate button and Assignment List at this course and at a local exchange
(``build/lab/exchange/``), and hides the instructor-only nbgrader tools from candidates.
"""

import json
import os
import sys
from pathlib import Path

from workbench.kernelspec import install

from workbook.candidate.workspace import Layout, open_workspace
from workbook.paths import GRADING_DIR

# nbgrader's lab plugins and server extension a candidate has no use for.
INSTRUCTOR_PLUGINS = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"]
# The news pop-up asks to fetch news from the internet: off for everyone.
QUIET_PLUGINS = ["@jupyterlab/apputils-extension:announcements"]
INSTRUCTOR_SERVER_EXTENSIONS = ["nbgrader.server_extensions.formgrader"]


def write_jupyter_config(layout, *, candidate=True):
    """Write the lab's Jupyter configuration folder and return it."""
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
        "",
    ]
    (folder / "nbgrader_config.py").write_text("\n".join(lines))
    disabled = QUIET_PLUGINS + (INSTRUCTOR_PLUGINS if candidate else [])
    page_config = {"disabledExtensions": {plugin: True for plugin in disabled}}
    (folder / "labconfig" / "page_config.json").write_text(json.dumps(page_config, indent=1))
    server = {
        "ServerApp": {"jpserver_extensions": {ext: False for ext in INSTRUCTOR_SERVER_EXTENSIONS}}
    }
    (folder / "jupyter_server_config.json").write_text(json.dumps(server if candidate else {}))
    return folder


def prepare(layout=None, *, instructor=False, out=sys.stdout):
    """Sync the workspace and write the configuration; return ``(root_dir, environment)``."""
    layout = layout or Layout()
    if instructor:
        root = layout.notebooks
    else:
        workspace, changes = open_workspace(layout)
        root = workspace.folder
        for change in changes:
            print(f"  {change.message}", file=out)
        print(f"Your workspace: {root} (your edits there are never overwritten).", file=out)
    config = write_jupyter_config(layout, candidate=not instructor)
    env = dict(os.environ)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        [str(config), *filter(None, [os.environ.get("JUPYTER_CONFIG_PATH")])]
    )
    return root, env


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
    install()
    layout = Layout(args.root) if args.root else Layout()
    root, env = prepare(layout, instructor=args.instructor)
    has_display = sys.platform != "linux" or any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY")
    )
    browser = not args.no_browser and has_display
    argv = command(root, port=args.port, browser=browser, token=args.token)
    print("Starting JupyterLab: open the URL it prints below (Ctrl+C stops it).", flush=True)
    os.chdir(Path(root))
    os.execve(sys.executable, argv, env)
