"""``workbook autograde``: grade every collected submission, in parallel and sandboxed.

Each submission is graded by a worker process in a private course folder (``worker``), its
notebooks' kernels forked fresh by the worker's pre-imported zygote (``zygote``), confined
by bwrap with limits (``sandboxing``) and guarded against tampering (``execute``). The main
process is the gradebook's only writer: it merges each private gradebook as results come in
(``gradebook``). A worker that overruns its deadline is killed and replaced; that submission
scores 0 with a note, and the others go on. Notes go to ``<course>/grading_notes.json`` as
``{"<student>": [{"notebook": ..., "note": ...}]}``.
"""

import ast
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

import nbformat

from workbook.course import Course
from workbook.errors import CommandError, SandboxUnavailable
from workbook.isolation.kernel_side.kernel_zygote import remove_tree
from workbook.isolation.sandboxing import (
    WARNING,
    Limits,
    bwrap_problem,
    cleanup_cgroups,
    hidden_paths,
    sweep_cgroups,
)
from workbook.pipeline import gradebook
from workbook.pipeline.progress import Progress
from workbook.pipeline.worker import Job, Result

NOTES_FILE = "grading_notes.json"
STARTUP_SECONDS = 120  # per notebook: kernel start, guard, boot


@dataclass
class Outcome:
    student: str
    ok: bool
    notes: list = field(default_factory=list)  # [(notebook, text)]
    seconds: float = 0.0


def submitted_students(course):
    folder = course.root / "submitted"
    if not folder.is_dir():
        return []
    return sorted(path.name for path in folder.iterdir() if (path / course.assignment).is_dir())


def boot_arguments(notebook):
    """Return the ``(size, seed)`` the notebook's boot cell asks for."""
    for cell in notebook.cells:
        match = re.search(r"\bboot\((.*?)\)", cell.source) if cell.cell_type == "code" else None
        if not match:
            continue
        try:
            call = ast.parse(f"f({match.group(1)})", mode="eval").body
            values = [ast.literal_eval(arg) for arg in call.args]
            keywords = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
        except (SyntaxError, ValueError):
            continue
        size = keywords.get("size", values[0] if values else "small")
        seed = keywords.get("seed", values[1] if len(values) > 1 else 0)
        return size, seed
    return "small", 0


def prepare_templates(sources, cache):
    """Build (once, in a trusted process) the seeded databases the notebooks boot from."""
    cache.mkdir(parents=True, exist_ok=True)
    wanted = {boot_arguments(nbformat.read(path, as_version=4)) for path in sources}
    env = {
        **os.environ,
        "WORKBOOK_STATE_DIR": str(cache),
        "WORKBOOK_DATABASE": "sqlite",
        "WORKBOOK_CACHE": "locmem",
        "DJANGO_SETTINGS_MODULE": "sandbox.settings",
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
    }
    for size, seed in sorted(wanted):
        code = f"from workbench import boot; boot(size={size!r}, seed={seed!r})"
        subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    return sorted(str(path) for path in cache.glob("template-*.sqlite3"))


def job_deadline(sources, limits):
    """Seconds after which a worker grading one submission is presumed stuck."""
    seconds = 0
    for path in sources:
        cells = nbformat.read(path, as_version=4).cells
        code = sum(cell.cell_type == "code" for cell in cells)
        seconds += STARTUP_SECONDS + code * (limits.timeout + 15)
    return seconds


class Pool:
    """Worker processes (``python -m workbook.pipeline.worker``) started once, replaced when killed.

    Plain subprocesses rather than ``multiprocessing``: its spawn and forkserver methods
    re-run the caller's main module, which a script without a ``__main__`` guard cannot take.
    """

    def __init__(self, size):
        self.workers = [self._start() for _ in range(size)]

    def _start(self):
        job_read, job_write = os.pipe()
        result_read, result_write = os.pipe()
        process = subprocess.Popen(
            [sys.executable, "-m", "workbook.pipeline.worker", str(job_read), str(result_write)],
            pass_fds=(job_read, result_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=None if os.environ.get("WORKBOOK_DEBUG") else subprocess.DEVNULL,
        )
        os.close(job_read)
        os.close(result_write)
        return {
            "process": process,
            "jobs": Connection(job_write, readable=False),
            "conn": Connection(result_read, writable=False),
            "job": None,
            "deadline": None,
        }

    def replace(self, worker):
        """Kill ``worker`` with everything it started, and start a fresh one in its place."""
        process = worker["process"]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        cleanup_cgroups(process.pid)
        worker["conn"].close()
        worker["jobs"].close()
        self.workers[self.workers.index(worker)] = self._start()

    def close(self):
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker["jobs"].send(None)
        for worker in self.workers:
            try:
                worker["process"].wait(10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(worker["process"].pid, signal.SIGKILL)
                worker["process"].wait()
            worker["conn"].close()
            worker["jobs"].close()


def run_jobs(jobs, workers, deadline, on_result):
    """Run ``jobs`` on ``workers`` processes; call ``on_result(job, result)`` as each ends."""
    pending = deque(jobs)
    pool = Pool(min(workers, len(jobs)) or 1)
    try:
        while pending or any(w["job"] for w in pool.workers):
            for worker in pool.workers:
                if worker["job"] is None and pending:
                    job = pending.popleft()
                    worker.update(job=job, deadline=time.monotonic() + deadline)
                    worker["jobs"].send(job)
            busy = [w for w in pool.workers if w["job"] is not None]
            ready = wait([w["conn"] for w in busy], timeout=1.0)
            for worker in busy:
                job = worker["job"]
                if worker["conn"] in ready:
                    try:
                        result = worker["conn"].recv()
                    except (EOFError, OSError):
                        result = Result(job.student, False, log="the worker process died")
                        worker["job"] = None
                        pool.replace(worker)
                        on_result(job, result)
                        continue
                    worker["job"] = None
                    on_result(job, result)
                elif time.monotonic() > worker["deadline"]:
                    pool.replace(worker)
                    note = f"grading took longer than {deadline} s and was stopped"
                    on_result(job, Result(job.student, False, log=note))
    finally:
        pool.close()


def read_notes(course):
    path = course.root / NOTES_FILE
    if path.exists():
        try:
            return json.loads(path.read_text())
        except json.JSONDecodeError:
            pass
    return {}


def write_notes(course, outcomes):
    """Replace the notes of the graded students (and only theirs) in ``grading_notes.json``."""
    notes = read_notes(course)
    for outcome in outcomes.values():
        entries = [{"notebook": nb, "note": text} for nb, text in outcome.notes]
        if entries:
            notes[outcome.student] = entries
        else:
            notes.pop(outcome.student, None)
    path = course.root / NOTES_FILE
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(notes, indent=2, sort_keys=True) + "\n")
    os.replace(partial, path)
    return path


def resolve_sandbox(sandbox):
    """Return whether to sandbox; without a usable sandbox, refuse unless told ``False``.

    ``sandbox=False`` (``--no-sandbox``) is the only way to run submitted code unconfined.
    """
    if sandbox is False:
        print(WARNING.format(reason="--no-sandbox"), file=sys.stderr)
        return False
    problem = bwrap_problem()
    if problem is not None:
        raise SandboxUnavailable(
            f"refusing to grade: submitted code would run without a sandbox, because {problem}. "
            "Fix that, or pass --no-sandbox to grade submissions you trust unconfined "
            "(DANGEROUS: their code runs with your rights)."
        )
    return True


def autograde(
    course,
    students=None,
    workers=None,
    limits=None,
    sandbox=True,
    hide=(),
    stream=None,
):
    """Grade ``students`` (default: every submission) of ``course``; return their outcomes."""
    limits = limits or Limits()
    sandboxed = resolve_sandbox(sandbox)
    students = list(students or submitted_students(course))
    sources = sorted(course.folder("source").glob("*.ipynb"))
    if not sources:
        raise CommandError(
            f"{course.folder('source')} has no notebooks: run `workbook release` first."
        )
    if not students:
        return {}
    gradebook.ensure_students(course.db_url, students)
    sweep_cgroups()
    work = Path(tempfile.mkdtemp(prefix="wb-"))  # short: IPC socket paths are limited to 107
    try:
        templates = prepare_templates(sources, course.root / ".autograde" / "templates")
        snapshot = work / "gradebook.db"
        gradebook.snapshot(course.root / "gradebook.db", snapshot)
        hidden = hidden_paths([course.root, course.folder("source"), *hide])
        jobs = []
        for index, student in enumerate(students):
            scratch = work / f"j{index}"
            scratch.mkdir()
            jobs.append(
                Job(
                    student=student,
                    submitted=str(course.folder("submitted", student)),
                    source=str(course.folder("source")),
                    gradebook=str(snapshot),
                    scratch=str(scratch),
                    assignment=course.assignment,
                    limits=limits.as_dict(),
                    sandbox=sandboxed,
                    hide=hidden,
                    templates=templates,
                )
            )
        progress = Progress(len(jobs), stream=stream)
        outcomes = {}

        def on_result(job, result):
            outcomes[job.student] = record(course, job, result)
            remove_tree(job.scratch)
            status = "ok" if result.ok else "FAILED (scored 0, see notes)"
            progress.step(job.student, status)

        workers = workers or os.cpu_count() or 1
        run_jobs(jobs, workers, job_deadline(sources, limits), on_result)
        write_notes(course, outcomes)
        return outcomes
    finally:
        remove_tree(work)


def record(course, job, result):
    """Write one result into the course: gradebook (single writer) and autograded folder."""
    target = course.folder("autograded", job.student)
    notes = list(result.notes)
    merged = False
    if result.ok:
        try:
            gradebook.merge_submission(
                course.db_url, f"sqlite:///{result.gradebook}", course.assignment, job.student
            )
            merged = True
        except Exception as error:  # a private gradebook we cannot read: grade as failed
            result.log = f"{result.log}\nmerge failed: {error}"
    if merged:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(result.autograded, target)
    else:
        gradebook.zero_submission(course.db_url, course.assignment, job.student)
        shutil.rmtree(target, ignore_errors=True)  # no stale graded copy
        reason = result.log.strip().splitlines()[-1] if result.log.strip() else "unknown error"
        notes.append(("*", f"Grading failed, every autograded cell scored 0: {reason}"))
    return Outcome(job.student, merged, notes, result.seconds)


def summarise(outcomes, stream=sys.stdout):
    failed = [o.student for o in outcomes.values() if not o.ok]
    noted = sum(bool(o.notes) for o in outcomes.values())
    print(
        f"Graded {len(outcomes)} submission(s); {len(failed)} failed; {noted} with notes.",
        file=stream,
    )
    return 1 if failed else 0


def run(args):
    course = Course(args.course)
    outcomes = autograde(
        course,
        students=args.student,
        workers=args.workers,
        limits=Limits.from_arguments(args),
        sandbox=args.sandbox,
        hide=args.hide,
    )
    print(f"Notes: {course.root / NOTES_FILE}")
    return summarise(outcomes)
