"""``workbook lab`` as a real server on 127.0.0.1, for the tests that talk to it or browse it."""

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Lab:
    base: str  # http://127.0.0.1:<port>
    token: str

    def get(self, path, timeout=30):
        """GET ``path`` from the server's API and return the decoded JSON."""
        request = urllib.request.Request(
            self.base + path, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.load(response)

    def post(self, path, body=None, timeout=30):
        data = json.dumps(body or {}).encode()
        request = urllib.request.Request(
            self.base + path,
            data=data,
            method="POST",
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.load(response)


def _wait_for(lab, process, log, deadline=90):
    started = time.monotonic()
    while time.monotonic() - started < deadline:
        if process.poll() is not None:
            pytest.fail(f"`workbook lab` exited with {process.returncode}:\n{log.read_text()}")
        try:
            lab.get("/api/status", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"JupyterLab did not answer within {deadline} s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def running_lab(arguments, log, *, settings, env=None):
    """Run ``workbook lab <arguments>`` (its output in ``log``) and yield a ``Lab``.

    ``settings`` is a folder for JupyterLab's user settings: the person's own stay untouched.
    The server and every process it started are stopped on the way out.
    """
    token = secrets.token_hex(16)
    env = {
        **(env or os.environ),
        "JUPYTERLAB_SETTINGS_DIR": str(Path(settings) / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(Path(settings) / "workspaces"),
    }
    env.pop("WORKBOOK_WORKSPACE", None)
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "workbook"),
        "lab",
        "--no-browser",
        f"--port={port}",
        f"--token={token}",
        *arguments,
    ]
    Path(log).parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    lab = Lab(f"http://127.0.0.1:{port}", token)
    try:
        _wait_for(lab, process, Path(log))
        yield lab
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and the kernels it started
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
