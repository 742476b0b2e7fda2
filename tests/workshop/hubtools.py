"""Helpers for the workshop tests: the hub's people, answers to notebook 00, waiting."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
import requests
from workbook.notebook import tasks
from workbook.paths import NOTEBOOKS_DIR, REPO_DIR
from workbook.workshop.folder import HubFolder

NOTEBOOK = "00_orientation.ipynb"
TASK = "orientation_public_audio_count"
WRONG = NOTEBOOKS_DIR / "wrong_answers" / TASK / "ignores_is_public.py"
ARTEFACTS = REPO_DIR / "build" / "test-artefacts"
START_SECONDS = 240  # course build, release, hub, proxy and the live view on a busy machine
STOP_SECONDS = 30


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def right_answer():
    """The reference solution of ``TASK``: the instructor cell without its markers."""
    notebook = nbformat.read(NOTEBOOKS_DIR / NOTEBOOK, as_version=4)
    cell = next(notebook.cells[t.solution_index] for t in tasks(notebook) if t.id == TASK)
    return "\n".join(line for line in cell.source.splitlines() if "SOLUTION" not in line)


def answer(notebook, task_id, source):
    """Put ``source`` in the answer cell of ``task_id``; return the notebook."""
    cell = next(notebook.cells[t.solution_index] for t in tasks(notebook) if t.id == task_id)
    cell.source = source
    return notebook


def wait_until(condition, seconds, what, interval=0.5):
    """Return ``condition()``'s first true value, failing after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"{what} did not happen within {seconds} s")


@dataclass
class Hub:
    url: str
    folder: HubFolder
    process: subprocess.Popen
    log: Path

    def user(self, name):
        """A logged-in session of ``name`` (trial mode: any password)."""
        return HubUser(self, name)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # as Ctrl+C: the hub stops the rest
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class HubUser:
    """One person's session: the hub's login form, then an API token of their own."""

    def __init__(self, hub, name):
        self.hub, self.name = hub, name
        self.session = requests.Session()
        self.session.get(f"{hub.url}/hub/login", timeout=30)
        login = self.session.post(
            f"{hub.url}/hub/login",
            data={"username": name, "password": "anything", "_xsrf": self._xsrf()},
            timeout=60,
            allow_redirects=False,
        )
        assert login.status_code == 302, f"login as {name}: {login.status_code} {login.text}"
        made = self.session.post(
            f"{hub.url}/hub/api/users/{name}/tokens",
            json={"note": "workshop test"},
            headers={"X-XSRFToken": self._xsrf()},
            timeout=30,
        )
        made.raise_for_status()
        self.api = requests.Session()
        self.api.headers["Authorization"] = f"token {made.json()['token']}"

    def _xsrf(self):
        return self.session.cookies.get("_xsrf", path="/hub/")

    def hub_api(self, method, path, **kwargs):
        reply = self.api.request(method, f"{self.hub.url}/hub/api{path}", timeout=60, **kwargs)
        reply.raise_for_status()
        return reply.json() if reply.content else None

    def server(self, method, path, **kwargs):
        """A request to this person's own JupyterLab server."""
        url = f"{self.hub.url}/user/{self.name}{path}"
        reply = self.api.request(method, url, timeout=120, **kwargs)
        reply.raise_for_status()
        return reply.json() if reply.content else None

    def start_server(self):
        """Start this person's server through the hub's REST API and wait until it is ready."""
        self.api.post(f"{self.hub.url}/hub/api/users/{self.name}/server", timeout=60)

        def ready():
            model = self.hub_api("GET", f"/users/{self.name}")
            return (model.get("servers") or {}).get("", {}).get("ready")

        wait_until(ready, 180, f"{self.name}'s server starting")


@contextlib.contextmanager
def running_hub(tmp_path_factory, *options):
    """``workbook hub`` on a free port of 127.0.0.1 handing out notebook 00; stopped after."""
    source = tmp_path_factory.mktemp("source")
    shutil.copyfile(NOTEBOOKS_DIR / NOTEBOOK, source / NOTEBOOK)
    folder = HubFolder(tmp_path_factory.mktemp("hub"))
    port = free_port()
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTEFACTS / "workshop-hub.log"
    command = [
        str(Path(sys.executable).parent / "workbook"),
        "hub",
        f"--hub-folder={folder.root}",
        f"--port={port}",
        f"--source={source}",
        "--auth=dummy",
        "--every=2",
        *options,
    ]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    running = Hub(f"http://127.0.0.1:{port}", folder, process, log)
    try:

        def answers():
            if process.poll() is not None:
                pytest.fail(f"`workbook hub` exited with {process.returncode}:\n{log.read_text()}")
            try:
                return requests.get(f"{running.url}/hub/api/", timeout=2).ok
            except requests.RequestException:
                return False

        wait_until(answers, START_SECONDS, "the hub answering")
        yield running
    finally:
        running.stop()
