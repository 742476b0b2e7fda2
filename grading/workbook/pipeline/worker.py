"""A grading worker process: ``python -m workbook.pipeline.worker READ_FD WRITE_FD [EARLY]``.

It receives ``Job``s on one pipe and sends back ``Result``s on the other, one submission at
a time, until told to stop (``None``); ``pipeline.grading`` does the grading. ``EARLY`` (JSON:
the run folder, hidden paths and limits) lets it start its kernel zygote at once, so the
zygote's imports run while the worker imports nbgrader, before the first job comes.
"""

import json
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path


@dataclass
class Job:
    student: str
    submitted: str  # the main course's submitted/<student>/<assignment>
    source: str  # the main course's source/<assignment>
    gradebook: str  # gradebook snapshot to start from
    scratch: str  # this job's private folder (short path: IPC sockets live under it)
    assignment: str
    limits: dict
    sandbox: bool
    hide: list = field(default_factory=list)
    templates: list = field(default_factory=list)


@dataclass
class Result:
    student: str
    ok: bool
    gradebook: str = ""
    autograded: str = ""
    notes: list = field(default_factory=list)  # [(notebook, text)]
    log: str = ""
    seconds: float = 0.0


def early_settings(run_folder, hide, limits):
    """``EARLY`` for workers whose jobs' scratch folders are in ``run_folder``."""
    return json.dumps({"run_folder": str(run_folder), "hide": list(hide), "limits": limits})


def zygote_folder(run_folder):
    """This worker's zygote folder: the run's, not a job's (the zygote outlives jobs)."""
    return Path(run_folder) / f"z{os.getpid()}"


def serve(jobs, results):
    """Grade the jobs received on ``jobs`` until told to stop (``None``)."""
    # Imported here, once the zygote is starting: nbgrader takes most of a second to import.
    from workbook.isolation import zygote
    from workbook.pipeline.grading import run_job

    try:
        while True:
            try:
                job = jobs.recv()
            except EOFError:
                return
            if job is None:
                return
            results.send(run_job(job))
    finally:
        zygote.discard()


def start_zygote(early):
    from workbook.isolation import zygote
    from workbook.isolation.limits import Limits

    settings = json.loads(early)
    folder = zygote_folder(settings["run_folder"])
    zygote.start_early(folder, settings["hide"], Limits(**settings["limits"]))


def die_with_parent():
    """Kill this process group once the process that started it is gone (a grader or a Dask
    worker killed mid-run): nothing goes on grading for nobody."""
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os.killpg(0, signal.SIGKILL)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def main(argv):
    """Worker process: ``python -m workbook.pipeline.worker READ_FD WRITE_FD [EARLY]``."""
    os.setsid()  # its own process group: a stuck worker is killed with all it started
    die_with_parent()
    if len(argv) > 3:
        start_zygote(argv[3])
    serve(Connection(int(argv[1]), writable=False), Connection(int(argv[2]), readable=False))


if __name__ == "__main__":
    # Results must pickle as workbook.pipeline.worker.Result, not __main__.Result.
    from workbook.pipeline.worker import main as worker_main

    worker_main(sys.argv)
