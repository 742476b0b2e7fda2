"""``workbook autograde``: grade every collected submission, in parallel and sandboxed.

Each submission is graded by a worker process (``pool``) in a private course folder
(``worker``), its notebooks' kernels forked fresh by the worker's pre-imported zygote
(``zygote``), confined by bwrap with limits (``sandboxing``) and guarded against tampering
(``execute``). The main process is the gradebook's only writer: it merges each private
gradebook as results come in (``gradebook``). A worker that overruns its deadline is killed and
replaced; that submission scores 0 with a note, and the others go on. Notes go to
``<course>/grading_notes.json`` (``review.notes``). With ``--scheduler`` the same jobs run on
a Dask cluster (``cluster``) instead of the local pool: chosen in ``runner``, nowhere else.
The local pool is started first, so that its workers import and start their zygotes while
the course is prepared.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from workbook.course import Course
from workbook.errors import CommandError, SandboxUnavailable
from workbook.isolation.kernel_side.kernel_zygote import remove_tree
from workbook.isolation.sandboxing import (
    WARNING,
    Limits,
    bwrap_problem,
    hidden_paths,
    sweep_cgroups,
)
from workbook.notebook import boot_arguments
from workbook.pipeline import gradebook
from workbook.pipeline.pool import Pool
from workbook.pipeline.progress import Progress
from workbook.pipeline.worker import Job, early_settings
from workbook.review import notes

STARTUP_SECONDS = 120  # per notebook: kernel start, guard, boot


@dataclass
class Outcome:
    student: str
    ok: bool
    notes: list = field(default_factory=list)  # [(notebook, text)]
    seconds: float = 0.0


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


def resolve_sandbox(sandbox, here=True):
    """Return whether to sandbox; without a usable sandbox, refuse unless told ``False``.

    ``sandbox=False`` (``--no-sandbox``) is the only way to run submitted code unconfined.
    ``here=False``: submissions run on other machines, which check their own sandbox.
    """
    if sandbox is False:
        print(WARNING.format(reason="--no-sandbox"), file=sys.stderr)
        return False
    problem = bwrap_problem() if here else None
    if problem is not None:
        raise SandboxUnavailable(
            f"refusing to grade: submitted code would run without a sandbox, because {problem}. "
            "Fix that, or pass --no-sandbox to grade submissions you trust unconfined "
            "(DANGEROUS: their code runs with your rights)."
        )
    return True


def runner(scheduler, workers, size, early):
    """Return ``(run, stop)``: ``run(jobs, deadline, on_result)`` on a local ``Pool`` of
    ``workers`` (at most ``size``) processes, started now with ``early``, or on the Dask
    cluster at ``scheduler``; ``stop()`` when done."""
    if scheduler is None:
        pool = Pool(min(workers or os.cpu_count() or 1, size), early)
        return pool.run, pool.stop
    if workers is not None:
        raise CommandError(
            "--workers sizes the local pool; with --scheduler the cluster's workers grade "
            "(start more with `dask worker ADDRESS --nworkers N --nthreads 1`)."
        )
    try:
        from workbook.pipeline import cluster
    except ImportError as error:
        raise CommandError(
            f"grading on a Dask cluster needs Dask ({error}): install it with "
            "`pip install 'django-interview-workbook[cluster]'`."
        ) from error

    def run(jobs, deadline, on_result):
        cluster.run_jobs(jobs, None, deadline, on_result, scheduler=scheduler)

    return run, lambda: None


def autograde(
    course,
    students=None,
    workers=None,
    limits=None,
    sandbox=True,
    hide=(),
    stream=None,
    scheduler=None,
):
    """Grade ``students`` (default: every submission) of ``course``; return their outcomes.

    ``scheduler``: a Dask scheduler's address (``tcp://HOST:8786``) to grade on its cluster.
    """
    limits = limits or Limits()
    sandboxed = resolve_sandbox(sandbox, here=scheduler is None)
    students = list(students or course.students())
    sources = sorted(course.folder("source").glob("*.ipynb"))
    if not sources:
        raise CommandError(
            f"{course.folder('source')} has no notebooks: run `workbook release` first."
        )
    if not students:
        return {}
    sweep_cgroups()
    work = Path(tempfile.mkdtemp(prefix="wb-"))  # short: IPC socket paths are limited to 107
    hidden = hidden_paths([course.root, course.folder("source"), *hide])
    early = early_settings(work, hidden, limits.as_dict()) if sandboxed else None
    stop = None
    try:
        run, stop = runner(scheduler, workers, len(students), early)
        gradebook.ensure_students(course.db_url, students)
        templates = prepare_templates(sources, course.root / ".autograde" / "templates")
        snapshot = work / "gradebook.db"
        gradebook.snapshot(course.root / "gradebook.db", snapshot)
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

        run(jobs, job_deadline(sources, limits), on_result)
        notes.write(course, {o.student: o.notes for o in outcomes.values()})
        return outcomes
    finally:
        if stop is not None:
            stop()
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
        scheduler=args.scheduler,
    )
    print(f"Notes: {notes.path(course)}")
    return summarise(outcomes)
