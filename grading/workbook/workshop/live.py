"""The state of the room: every participant's saved notebooks, checked in the sandbox.

A participant's notebooks are the ones in ``<hub>/homes/<name>/<assignment>/``. Each is run
as ``workbook check`` runs a notebook (a copy, every cell, the visible tests read by
``check.report_for``), but its kernel is the grader's: ``SandboxKernelManager`` under bwrap,
with no network, no sight of the hub's folder and the grader's limits. The teacher's process
never runs a participant's code. A notebook is run again only when its file changes (its
modification time), so an unchanged room costs one ``stat`` per notebook, and a notebook
whose content was checked before (every participant's untouched copy of the same notebook,
two identical answers) is not run again either: results are kept by content.
"""

import hashlib
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from traitlets.config import Config

from workbook.candidate import hints
from workbook.candidate.check import report_for
from workbook.isolation.limits import Limits
from workbook.isolation.sandboxing import SandboxKernelManager, bwrap_problem, hidden_paths
from workbook.notebook import KERNEL_NAME, tasks
from workbook.pipeline.autograde import prepare_templates
from workbook.workshop.folder import HubFolder

TIMEOUT = 60  # seconds per cell: a live view that waits longer is no longer live


@dataclass(frozen=True)
class Column:
    """One task of the assignment, as the room sees it."""

    notebook: str
    id: str
    title: str


@dataclass
class Seen:
    """The last check of one participant's notebook."""

    mtime: float
    report: object  # check.NotebookReport


@dataclass
class Snapshot:
    """What the page shows: participants, tasks and who passes what."""

    participants: list
    columns: list
    passing: dict = field(default_factory=dict)  # (participant, task id) -> bool
    pending: set = field(default_factory=set)  # participants with notebooks still to check
    problems: dict = field(default_factory=dict)  # (participant, notebook) -> text

    def count(self, task_id):
        """How many participants pass this task."""
        return sum(self.passing.get((name, task_id), False) for name in self.participants)


def columns(release_folder):
    """The assignment's tasks, notebook by notebook, from its candidate notebooks."""
    found = []
    for path in sorted(Path(release_folder).glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        listed = tasks(notebook)
        found += [Column(path.name, t.id, hints.title(notebook, t, listed)) for t in listed]
    return found


def sandbox_config(hub, workdir_base, templates, limits):
    """The configuration of the kernels that run participants' notebooks."""
    config = Config()
    settings = config.SandboxKernelManager
    settings.workdir_base = str(workdir_base)
    settings.hide = hidden_paths([hub.root])
    settings.templates = list(templates)
    settings.limits = limits.as_dict()
    return config


def check_in_sandbox(name, content, config, release_folder, timeout=TIMEOUT):
    """Run the notebook ``content`` (its file's bytes) in a sandboxed kernel; return its report."""
    notebook = nbformat.reads(content.decode("utf-8"), as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL_NAME,
        kernel_manager_class=SandboxKernelManager,
        config=config,
        timeout=timeout,
        allow_errors=True,
        # The released folder: its data files are copied into the kernel's own folder.
        resources={"metadata": {"path": str(release_folder)}},
    )
    problem = None
    try:
        client.execute(stderr=subprocess.DEVNULL)  # the kernel's own log is noise here
    except CellTimeoutError:
        problem = f"a cell ran longer than {timeout} s"
    except DeadKernelError:
        problem = "the kernel died"
    return report_for(name, notebook, None, problem)


class Room:
    """Participants' progress, kept current by ``refresh``."""

    def __init__(self, hub, *, teacher="teacher", assignment="workbook", workers=2, limits=None):
        problem = bwrap_problem()
        if problem:  # never run a participant's code unconfined
            raise RuntimeError(f"the live view needs the sandbox: {problem}")
        self.hub = HubFolder(hub) if not isinstance(hub, HubFolder) else hub
        self.teacher, self.assignment = teacher, assignment
        self.release = self.hub.course / "release" / assignment
        self.columns = columns(self.release)
        self.notebooks = {column.notebook for column in self.columns}
        self.workers = workers
        self._scratch = tempfile.TemporaryDirectory(prefix="wbroom-")  # short: IPC paths
        sources = sorted((self.hub.course / "source" / assignment).glob("*.ipynb"))
        templates = prepare_templates(sources, self.hub.state / "templates")
        self.config = sandbox_config(
            self.hub, self._scratch.name, templates, limits or Limits(timeout=TIMEOUT)
        )
        self._seen = {}  # (participant, notebook name) -> Seen
        self._reports = {}  # a notebook's content hash -> its report
        self._lock = threading.Lock()
        self._stale = set()

    def participants(self):
        """Everyone with a home folder on the hub but the teacher, by name."""
        if not self.hub.homes.is_dir():
            return []
        return sorted(
            p.name for p in self.hub.homes.iterdir() if p.is_dir() and p.name != self.teacher
        )

    def changed(self):
        """``(participant, path, mtime)`` of each saved notebook not checked as it is now."""
        found = []
        for name in self.participants():
            for path in sorted((self.hub.home(name) / self.assignment).glob("*.ipynb")):
                if path.name not in self.notebooks:
                    continue  # only the assignment's own notebooks
                try:
                    mtime = path.stat().st_mtime
                except OSError:
                    continue  # being saved or removed right now: next time
                seen = self._seen.get((name, path.name))
                if seen is None or seen.mtime != mtime:
                    found.append((name, path, mtime))
        return found

    def refresh(self):
        """Check every changed notebook (in ``workers`` sandboxed kernels); return how many
        were run (a content checked before is not run again)."""
        todo = self.changed()
        with self._lock:
            self._stale = {name for name, _, _ in todo}
        read, run = [], {}
        for name, path, mtime in todo:
            try:
                content = path.read_bytes()
            except OSError:
                continue  # being saved or removed right now: next time
            digest = hashlib.sha256(content).hexdigest()
            read.append((name, path.name, mtime, digest))
            if digest not in self._reports:
                run[digest] = (path.name, content)

        def one(digest):
            name, content = run[digest]
            return digest, check_in_sandbox(name, content, self.config, self.release)

        with ThreadPoolExecutor(max_workers=max(1, self.workers)) as pool:
            self._reports.update(pool.map(one, run))
        with self._lock:
            for name, notebook, mtime, digest in read:
                self._seen[(name, notebook)] = Seen(mtime, self._reports[digest])
            self._stale = set()
        return len(run)

    def snapshot(self):
        """The room as last checked."""
        with self._lock:
            seen = dict(self._seen)
            pending = set(self._stale)
        shot = Snapshot(self.participants(), self.columns, pending=pending)
        for (name, notebook), entry in seen.items():
            for task in entry.report.tasks:
                shot.passing[(name, task.id)] = task.passed
            if entry.report.problem:
                shot.problems[(name, notebook)] = entry.report.problem
        return shot

    def watch(self, every, stop):
        """Refresh every ``every`` seconds until the event ``stop`` is set."""
        while not stop.is_set():
            started = time.monotonic()
            try:
                self.refresh()
            except Exception as error:  # a bad notebook must not stop the view
                print(f"workbook room: a refresh failed: {error!r}", flush=True)
            stop.wait(max(0.0, every - (time.monotonic() - started)))

    def close(self):
        self._scratch.cleanup()
