"""Real Jupyter kernels and fresh interpreters for the toolkit's tests."""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import textwrap

from jupyter_client.manager import KernelManager
from workbench.kernelspec import KERNEL_NAME

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class CellError(Exception):
    """A cell raised: ``ename``, ``evalue`` and the plain-text traceback."""

    def __init__(self, content):
        self.ename = content.get("ename", "")
        self.evalue = content.get("evalue", "")
        self.traceback = ANSI.sub("", "\n".join(content.get("traceback", [])))
        super().__init__(f"{self.ename}: {self.evalue}\n{self.traceback}")


class Kernel:
    """A real ``django-workbook`` kernel: run cells, read what they print."""

    def __init__(self, cwd=None, **env):
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in shutdown)
        self.manager = KernelManager(kernel_name=KERNEL_NAME)
        self.manager.start_kernel(
            cwd=str(cwd) if cwd else None,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        self.client = self.manager.blocking_client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=120)
        self.stderr = ""

    def submit(self, code):
        """Start running ``code`` without waiting; ``collect()`` waits for it."""
        return self.client.execute(code)

    def run(self, code, timeout=120):
        """Run ``code`` as a cell and return what it printed; raise ``CellError`` if it failed."""
        out, err, errors = [], [], []

        def hook(msg):
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                (out if content["name"] == "stdout" else err).append(content["text"])
            elif kind == "error":
                errors.append(content)
            elif kind in ("execute_result", "display_data"):
                out.append(content["data"].get("text/plain", "") + "\n")

        reply = self.client.execute_interactive(
            textwrap.dedent(code), output_hook=hook, timeout=timeout
        )
        self.stderr = "".join(err)
        if reply["content"]["status"] != "ok":
            raise CellError(errors[0] if errors else reply["content"])
        return "".join(out)

    def eval(self, expression):
        """Return the JSON value of ``expression`` evaluated in the kernel."""
        printed = self.run(f"import json as _json\nprint(_json.dumps({expression}))")
        return json.loads(printed.strip().splitlines()[-1])

    def shutdown(self):
        """Ask the kernel to exit cleanly (so its atexit handlers run), then wait for it."""
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=False)
        self._log.close()


def run_python(code, cwd=None, **env):
    """Run ``code`` in a fresh interpreter with ``env`` added; return the finished process."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def closed_port():
    """Return a port on 127.0.0.1 where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def vendor():
    return os.environ.get("WORKBOOK_DATABASE", "").strip().lower() or "sqlite"
