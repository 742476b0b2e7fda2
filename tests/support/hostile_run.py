"""The hostile suite's grading run, made in a throw-away PID namespace of its own.

``workbook grade`` (collect, autograde, feedback, export, report) grades one course from
``notebooks/00_orientation.ipynb`` in a single parallel run with short limits: the
instructor version, the candidate version, a wrong answer, and one hostile submission per
attack (``hostile_submissions``), as folders and zips. Then one candidate resubmits with the
test cells deleted and is graded again.

The run happens in a child process, ``python hostile_run.py COURSE RESULT``, started by
``run_in_own_pid_namespace`` under ``bwrap --unshare-pid``: even if the grader's sandbox
regressed, a hostile submission could reach no process outside the run (defence in depth;
the tests that need it are skipped where bwrap is unusable). The child pickles a ``Graded``
into ``RESULT`` for the tests to read.
"""

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import hostile_submissions as hostile
import nbformat
from workbook.course import Course
from workbook.isolation.sandboxing import Limits, cgroup_prefix
from workbook.paths import NOTEBOOKS_DIR, REPO_DIR
from workbook.pipeline import gradebook
from workbook.pipeline.autograde import autograde
from workbook.pipeline.collect import collect
from workbook.pipeline.grade import grade

SOURCE = NOTEBOOKS_DIR / "00_orientation.ipynb"
NAME = SOURCE.name
COUNT_TESTS = f"{hostile.COUNT}_tests"
TOP_TESTS = f"{hostile.TOP}_tests"
WRONG = NOTEBOOKS_DIR / "wrong_answers" / hostile.TOP / "counts_items_not_plays.py"
ZIPPED = {"instructor", "h-probe", "h-fork-bomb"}
LIMITS = Limits(timeout=5, memory_mb=768, processes=64, output_kb=256, disk_mb=128, hang_grace=3)
RUN_SECONDS = 1200


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _hand_in(folder, student, notebook):
    """Write a submission as a candidate would: a folder, or a zip for some."""
    folder.mkdir(parents=True, exist_ok=True)
    if student in ZIPPED:
        path = folder / f"{student}.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(f"{student}/{NAME}", nbformat.writes(notebook))
        return path
    (folder / student).mkdir()
    nbformat.write(notebook, folder / student / NAME)
    return folder / student


class Graded:
    """The course after the grading runs, with what the tests look at."""

    def __init__(self, root):
        self.course = Course(root)
        self.course.add_sources([SOURCE])
        (release,) = self.course.generate()
        self.release = nbformat.read(release, as_version=4)
        instructor = nbformat.read(SOURCE, as_version=4)
        wrong = nbformat.read(release, as_version=4)
        wrong.cells[hostile._cell_index(wrong, hostile.TOP)].source = WRONG.read_text()
        wrong.cells[hostile._cell_index(wrong, hostile.COUNT)].source = instructor.cells[
            hostile._cell_index(instructor, hostile.COUNT)
        ].source
        self.paths = {
            "read": {
                "instructor notebook": SOURCE,
                "course source": self.course.folder("source") / NAME,
                "gradebook": self.course.root / "gradebook.db",
                "other submission": self.course.folder("submitted", "instructor") / NAME,
                "repository tests": REPO_DIR / "tests" / "notebooks" / "test_checker.py",
                **_stray_copy(root),
            },
            "write": {
                "gradebook": self.course.root / "gradebook.db",
                "instructor notebook": SOURCE,
                "course source": self.course.folder("source") / NAME,
            },
        }
        self.hostile = hostile.build(self.release, self.paths)
        honest = {"instructor": instructor, "stub": self.release, "wrong": wrong}
        honest["resub"] = instructor
        inbox = root.parent / "inbox"
        paths = [_hand_in(inbox, s, nb) for s, nb in {**honest, **self.hostile}.items()]
        self.instructor_digest = _digest(SOURCE)
        self.out = root.parent / "results"
        self.collected, self.outcomes, self.written = grade(
            self.course, paths, self.out, workers=2, limits=LIMITS
        )
        self.first_resub = self.scores("resub")
        # The resubmission: candidate version with its test cells deleted.
        again = _hand_in(root.parent / "again", "resub", hostile.deleted_tests(self.release))
        collect(self.course, [again])
        self.second = autograde(self.course, students=["resub"], workers=1, limits=LIMITS)
        self.notes = json.loads((self.course.root / "grading_notes.json").read_text())
        self.leftover_workers = _worker_children()
        self.busy_cgroups = _busy_cgroups()

    def __getstate__(self):
        state = dict(vars(self))
        state["course"] = str(self.course.root)
        return state

    def __setstate__(self, state):
        vars(self).update(state)
        self.course = Course(state["course"])

    def scores(self, student):
        return gradebook.scores(self.course.db_url, self.course.assignment, student)[SOURCE.stem]

    def outputs(self, student):
        path = self.course.folder("autograded", student) / NAME
        notebook = nbformat.read(path, as_version=4)
        return "\n".join(
            output.get("text", "") + str(output.get("evalue", ""))
            for cell in notebook.cells
            if cell.cell_type == "code"
            for output in cell.outputs
        )


def _stray_copy(root):
    """A copy of the instructor notebook outside every folder the sandbox knows to hide.

    Made in ``/opt`` where this user may write there (as root, in CI); only an allow-list
    of what a kernel sees keeps it out of reach.
    """
    folder = Path("/opt") / f"workbook-stray-{Path(root).parent.name}"
    try:
        folder.mkdir()
    except OSError:
        return {}
    shutil.copyfile(SOURCE, folder / NAME)
    return {"stray copy of the instructor notebook": folder / NAME}


def _worker_children():
    """Command lines of this process's children that are grading workers."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
            if int(fields[1]) == os.getpid() and b"workbook.pipeline.worker" in command:
                found.append(command)
    return found


def _busy_cgroups():
    """This namespace's grading cgroups whose grader is gone but that still hold a process."""
    busy = []
    ours = cgroup_prefix("")
    for folder in Path("/sys/fs/cgroup/pids").glob(ours + "*-*"):
        owner = folder.name[len(ours) :].split("-")[0]
        if not Path("/proc", owner).exists() and (folder / "cgroup.procs").read_text().strip():
            busy.append(folder.name)
    return busy


def run_in_own_pid_namespace(root):
    """Grade the course at ``root`` in a child under ``bwrap --unshare-pid``; return its Graded."""
    result = Path(root).parent / "graded.pickle"
    namespace = ["bwrap", "--dev-bind", "/", "/", "--unshare-pid", "--die-with-parent"]
    namespace += ["--proc", "/proc", "--"]
    command = [*namespace, sys.executable, __file__, str(root), str(result)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=RUN_SECONDS)
    if run.returncode != 0:
        raise RuntimeError(f"the grading run failed ({run.returncode}):\n{run.stderr[-6000:]}")
    return pickle.loads(result.read_bytes())


def main(argv):
    root, result = map(Path, argv[1:3])
    try:
        result.write_bytes(pickle.dumps(Graded(root)))
    finally:
        shutil.rmtree(Path("/opt") / f"workbook-stray-{root.parent.name}", ignore_errors=True)


if __name__ == "__main__":
    # Pickle as hostile_run.Graded, not __main__.Graded.
    sys.path.insert(0, str(Path(__file__).parent))
    from hostile_run import main as run_main

    run_main(sys.argv)
