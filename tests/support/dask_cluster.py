"""A real Dask cluster on 127.0.0.1: ``dask scheduler`` and ``dask worker`` processes.

Started with the ``dask`` command as separate processes, each in its own session (stopped with
all it started), on free ports, with ``--nworkers 1 --nthreads 1`` per worker command: how the
README tells graders to start grading machines. Logs go to ``logs``.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

START_SECONDS = 120
STOP_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DaskCluster:
    """A scheduler and ``workers`` worker processes; ``stop()`` ends them all. ``config``:
    Dask settings for the scheduler, as environment variables (``DASK_DISTRIBUTED__...``).
    The workers' local directory is ``scratch`` (short: kernels' IPC sockets live under it)."""

    def __init__(self, logs, workers=2, config=None):
        from distributed import Client

        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.logs = Path(logs)
        self.processes = []
        self.scratch = Path(tempfile.mkdtemp(prefix="dk-"))
        dask = str(Path(sys.executable).parent / "dask")
        try:
            port = self.address.rsplit(":", 1)[1]
            scheduler = [dask, "scheduler", "--host", "127.0.0.1", "--port", port]
            scheduler += ["--dashboard-address", f"127.0.0.1:{free_port()}"]
            self.start("scheduler", scheduler, {**os.environ, **(config or {})})
            for index in range(workers):
                name = f"w{index + 1}"
                worker = [dask, "worker", self.address, "--name", name, "--host", "127.0.0.1"]
                worker += ["--local-directory", str(self.scratch)]
                self.start(name, [*worker, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"])
            with Client(self.address, timeout=START_SECONDS) as client:
                client.wait_for_workers(workers, timeout=START_SECONDS)
        except BaseException:
            self.stop()
            raise

    def start(self, name, command, env=None):
        log = open(self.logs / f"{name}.log", "wb")  # noqa: SIM115 (closed in stop())
        process = subprocess.Popen(command, stdout=log, stderr=log, env=env, start_new_session=True)
        self.processes.append((process, log))

    def stop(self):
        for process, log in reversed(self.processes):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            log.close()
        self.processes = []

    def leftovers(self):
        """What grading left in the workers' local directory (after ``stop()``: nothing)."""
        return sorted(str(path) for path in self.scratch.rglob("*") if not path.is_dir())

    def remove(self):
        shutil.rmtree(self.scratch, ignore_errors=True)

    def log(self):
        """The end of every process's log, for a failing test's message."""
        return "\n".join(path.read_text()[-3000:] for path in sorted(self.logs.glob("*.log")))
