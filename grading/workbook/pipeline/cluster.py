"""Grading on a Dask cluster (``workbook autograde --scheduler tcp://HOST:8786``).

One Dask task per submission. No shared file system: what every task needs (the course's
source folder, the gradebook snapshot, the template databases) travels once per worker as a
scattered ``Bundle``; each task carries the submission's files and brings back the private
gradebook, the autograded notebooks, notes and timings as bytes. On the worker a task is
graded exactly as locally: by a ``pool.WorkerProcess`` (sandbox, zygote, limits, guard,
sanitize), kept for the Dask worker's life so its zygote stays warm, one job at a time.

The client, the gradebook's only writer, unpacks each answer into the job's scratch folder,
and ``autograde`` records it as it records a local result. A task that raises is retried
``RETRIES`` times; a task whose Dask worker dies is rescheduled by the scheduler up to its
``distributed.scheduler.allowed-failures``; after that the submission gets a failed result
(a grading note) and every other one is graded.
"""

import functools
import hashlib
import os
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from distributed import Client, KilledWorker, as_completed, get_worker

from workbook.errors import CommandError
from workbook.isolation.kernel_side.kernel_zygote import remove_tree
from workbook.isolation.sandboxing import bwrap_problem, hidden_paths
from workbook.pipeline.pool import WorkerProcess
from workbook.pipeline.worker import Job, Result, early_settings

RETRIES = 2  # a task that raised (not a lost worker: that is the scheduler's allowed-failures)
CONNECT_SECONDS = 30
WORKERS_SECONDS = 120  # for a first worker to join
SHORT_PATH = 60  # kernel folders and IPC sockets (107 bytes in all) go under it


@dataclass
class Bundle:
    """What every task of a run shares, as ``{relative path: bytes}``, and its digest."""

    files: dict
    digest: str

    @classmethod
    def of(cls, job):
        files = {f"source/{k}": v for k, v in read_tree(job.source).items()}
        files["gradebook.db"] = Path(job.gradebook).read_bytes()
        for template in job.templates:
            files[f"templates/{Path(template).name}"] = Path(template).read_bytes()
        digest = hashlib.sha256()
        for name in sorted(files):
            digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
        return cls(files, digest.hexdigest())


@dataclass
class Task:
    """One submission to grade: its files and how (the ``Job`` fields that are not paths)."""

    student: str
    assignment: str
    submitted: dict  # {relative path: bytes}
    limits: dict
    sandbox: bool
    deadline: float


@dataclass
class Answer:
    """A graded task: the ``Result`` and, as bytes, what it names by path on the worker."""

    result: Result
    gradebook: bytes = b""
    autograded: dict = field(default_factory=dict)  # {relative path: bytes}


def read_tree(folder):
    """``{relative path: bytes}`` of the regular files under ``folder`` (symlinks left out)."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def write_tree(folder, files):
    """Write ``{relative path: bytes}`` under ``folder``; refuse paths that leave it."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        target = (folder / name).resolve()
        if not target.is_relative_to(folder):
            raise ValueError(f"refusing to write {name!r} outside {folder}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


# On a Dask worker: one grading process and one folder per worker process, one job at a time
# (the grading process, its zygote and the notes are not for two jobs at once).
_local = {"lock": threading.Lock(), "grader": None, "folder": None, "jobs": 0}


def _folder():
    """This worker process's folder, in Dask's own local directory: Dask removes it when the
    worker closes and purges it at its next start after a crash."""
    if _local["folder"] is None or not _local["folder"].is_dir():
        local = Path(get_worker().local_directory)
        if len(str(local)) > SHORT_PATH:
            raise RuntimeError(
                f"this Dask worker's local directory {local} is too long for the grading "
                f"kernels' sockets (at most {SHORT_PATH} characters): start the worker with "
                "--local-directory /tmp/dask"
            )
        _local["folder"] = local / "grading"
        _local["folder"].mkdir(exist_ok=True)
    return _local["folder"]


def _unpacked(bundle):
    """The bundle's folder on this worker, written once per worker process (an earlier run's
    bundle is removed: it holds instructor notebooks and a gradebook no longer needed)."""
    folder = _folder() / f"b-{bundle.digest[:16]}"
    if not folder.is_dir():
        for old in _folder().glob("b-*"):
            remove_tree(old)
        partial = Path(tempfile.mkdtemp(dir=_folder()))
        write_tree(partial, bundle.files)
        partial.rename(folder)
    return folder


@functools.cache
def sandbox_problem():
    """Why this worker cannot sandbox (asked once per worker process), or ``None``."""
    return bwrap_problem()


def _grader(early):
    """This Dask worker's grading process; a new one starts its zygote at once (``early``)."""
    if _local["grader"] is None or not _local["grader"].alive:
        _local["grader"] = WorkerProcess(early)
    return _local["grader"]


def grade_task(bundle, task):
    """Grade ``task`` on this Dask worker as the local pool would; return an ``Answer``."""
    with _local["lock"]:
        problem = sandbox_problem() if task.sandbox else None
        if problem is not None:
            where = get_worker().address
            log = f"refusing to grade on {where}: no usable sandbox there, because {problem}"
            return Answer(Result(task.student, False, log=log))
        shared = _unpacked(bundle)
        _local["jobs"] += 1
        scratch = _folder() / f"j{_local['jobs']}"
        submitted = scratch / "in" / task.student / task.assignment
        submitted.mkdir(parents=True)
        try:
            write_tree(submitted, task.submitted)
            job = Job(
                student=task.student,
                submitted=str(submitted),
                source=str(shared / "source"),
                gradebook=str(shared / "gradebook.db"),
                scratch=str(scratch),
                assignment=task.assignment,
                limits=task.limits,
                sandbox=task.sandbox,
                hide=hidden_paths([shared]),
                templates=sorted(str(path) for path in (shared / "templates").glob("*")),
            )
            early = early_settings(_folder(), job.hide, job.limits) if job.sandbox else None
            result = _grader(early).grade(job, task.deadline)
            answer = Answer(result)
            if result.ok:
                answer.gradebook = Path(result.gradebook).read_bytes()
                answer.autograded = read_tree(result.autograded)
            return answer
        finally:
            remove_tree(scratch)


def connect(address):
    """A ``Client`` of the scheduler at ``address`` with at least one worker, or a clear error."""
    try:
        client = Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as error:
        raise CommandError(
            f"cannot reach the Dask scheduler at {address} ({error}): start one with "
            "`dask scheduler`, or check the address and that its port is open to you."
        ) from error
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except TimeoutError as error:
        client.close()
        raise CommandError(
            f"no Dask worker joined the scheduler at {address} within {WORKERS_SECONDS} s: "
            f"start one on each grading machine with `dask worker {address} --nthreads 1`."
        ) from error
    return client


def dashboard(client):
    """The dashboard's address, or why there is none."""
    try:
        return client.dashboard_link
    except KeyError:
        return "none (the scheduler has no dashboard: install bokeh where it runs)"


def run_jobs(jobs, workers, deadline, on_result, scheduler):
    """``pool.run_jobs`` on the Dask cluster at ``scheduler``; ``workers`` is the cluster's.

    ``on_result(job, result)`` gets results whose files are written into ``job.scratch``.
    """
    del workers  # the cluster's size is its workers'
    if not jobs:
        return
    client = connect(scheduler)
    try:
        print(
            f"Grading on the Dask cluster at {scheduler}; dashboard: {dashboard(client)}",
            file=sys.stderr,
        )
        bundle = client.scatter(Bundle.of(jobs[0]), broadcast=True, hash=False)
        futures = {}
        for job in jobs:
            task = Task(
                student=job.student,
                assignment=job.assignment,
                submitted=read_tree(job.submitted),
                limits=job.limits,
                sandbox=job.sandbox,
                deadline=deadline,
            )
            future = client.submit(
                grade_task,
                bundle,
                task,
                key=f"grade-{job.student}-{os.urandom(4).hex()}",
                retries=RETRIES,
                pure=False,
            )
            futures[future] = job
        for future in as_completed(futures):
            job = futures[future]
            on_result(job, received(job, future))
    finally:
        client.close()


def received(job, future):
    """The future's ``Result``, its files written into ``job.scratch``; a failed one if lost."""
    try:
        answer = future.result()
    except KilledWorker as error:
        log = (
            f"the Dask workers grading it died {error.allowed_failures + 1} time(s), "
            f"the last one {error.last_worker.address}"
        )
        return Result(job.student, False, log=log)
    except Exception as error:  # the task raised, RETRIES + 1 times
        log = f"the Dask cluster could not grade it ({type(error).__name__}: {error})"
        return Result(job.student, False, log=log)
    result = answer.result
    if result.ok:
        scratch = Path(job.scratch)
        (scratch / "gradebook.db").write_bytes(answer.gradebook)
        write_tree(scratch / "autograded", answer.autograded)
        result.gradebook = str(scratch / "gradebook.db")
        result.autograded = str(scratch / "autograded")
    return result
