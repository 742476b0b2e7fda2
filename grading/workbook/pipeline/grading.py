"""Grade one submission in a private course folder (what a worker process does per job).

A job gets a course folder of its own: a copy of the gradebook taken before the run, a copy
of the one submission, and the source folder's non-notebook files. nbgrader's ``autograde``
runs there, with ``GuardedExecute`` in place of ``Execute``; the grader's main process then
merges the private gradebook into the real one (the only writer to it).
"""

import shutil
import time
import traceback
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.converters import Autograde
from nbgrader.preprocessors import Execute, OverwriteCells
from traitlets.config import Config

from workbook.course import course_config
from workbook.isolation.execute import GuardedExecute
from workbook.isolation.kernel_side.kernel_zygote import remove_tree
from workbook.isolation.sanitize import ForgetUnknownCells
from workbook.pipeline.worker import Result, zygote_folder
from workbook.review import notes


def autograde_preprocessors():
    """nbgrader's autograde steps, in nbgrader's order, with ``GuardedExecute`` for ``Execute``."""
    steps = Autograde.class_traits()["autograde_preprocessors"].default()
    return [GuardedExecute if step is Execute else step for step in steps]


def sanitize_preprocessors():
    """nbgrader's sanitizing steps, with ``ForgetUnknownCells`` before ``OverwriteCells``."""
    steps = list(Autograde.class_traits()["sanitize_preprocessors"].default())
    steps.insert(steps.index(OverwriteCells), ForgetUnknownCells)
    return steps


def job_config(job, root):
    config = course_config(root)
    limits = job.limits
    extra = Config()
    extra.Autograde.autograde_preprocessors = autograde_preprocessors()
    extra.Autograde.sanitize_preprocessors = sanitize_preprocessors()
    extra.GuardedExecute.timeout = limits["timeout"]
    extra.GuardedExecute.output_limit = limits["output_kb"] * 1024
    extra.GuardedExecute.disk_limit = limits["disk_mb"] * 2**20
    extra.GuardedExecute.hang_grace = limits["hang_grace"]
    extra.GuardedExecute.source_dir = job.source
    if job.sandbox:  # the zygote outlives the job: its folder is the run's, not the job's
        extra.GuardedExecute.zygote_dir = str(zygote_folder(Path(job.scratch).parent))
    extra.SandboxKernelManager.workdir_base = str(Path(job.scratch))
    extra.SandboxKernelManager.sandbox = job.sandbox
    extra.SandboxKernelManager.hide = list(job.hide)
    extra.SandboxKernelManager.templates = list(job.templates)
    extra.SandboxKernelManager.limits = dict(limits)
    config.merge(extra)
    return config


def run_job(job):
    """Autograde ``job.student`` in a private course; never raises."""
    started = time.monotonic()
    notes.take()  # nothing left from an earlier job
    root = Path(job.scratch) / "course"
    try:
        remove_tree(root)
        submitted = root / "submitted" / job.student / job.assignment
        shutil.copytree(job.submitted, submitted, symlinks=True)
        source = root / "source" / job.assignment
        shutil.copytree(job.source, source, ignore=shutil.ignore_patterns("*.ipynb"))
        shutil.copyfile(job.gradebook, root / "gradebook.db")
        api = NbGraderAPI(config=job_config(job, root))
        outcome = api.autograde(job.assignment, job.student, force=True, create=True)
        ok, log = outcome["success"], outcome.get("error") or outcome.get("log") or ""
    except Exception:
        ok, log = False, traceback.format_exc()
    return Result(
        student=job.student,
        ok=ok,
        gradebook=str(root / "gradebook.db"),
        autograded=str(root / "autograded" / job.student / job.assignment),
        notes=notes.take(),
        log=log,
        seconds=time.monotonic() - started,
    )
