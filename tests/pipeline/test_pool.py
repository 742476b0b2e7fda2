"""The worker pool: a worker that dies or overruns its deadline costs one submission, no more.

The submission here sleeps in its answer cell (harmless code, still graded in the sandbox), so
its worker is busy long enough to be killed or to overrun a short deadline.
"""

import os
import signal
import time
from multiprocessing.connection import wait
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_notebook
from small_assignment import nbgrader_cell
from workbook.course import Course
from workbook.isolation.limits import Limits
from workbook.pipeline.pool import WorkerProcess, run_jobs
from workbook.pipeline.worker import Job, early_settings

pytestmark = [pytest.mark.notebook, pytest.mark.sandbox]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A one-task course with a quick submission and one whose answer sleeps for a minute."""
    root = tmp_path_factory.mktemp("pool")
    source = root / "nap.ipynb"
    solution = "### BEGIN SOLUTION\nanswer = 1\n### END SOLUTION\n"
    nbformat.write(
        new_notebook(
            cells=[
                nbgrader_cell(
                    solution, grade=False, solution=True, locked=False, grade_id="answer"
                ),
                nbgrader_cell(
                    "assert answer == 1",
                    grade=True,
                    solution=False,
                    locked=True,
                    grade_id="answer_tests",
                    points=1,
                ),
            ],
            metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        ),
        source,
    )
    course = Course(root / "course", assignment="nap")
    course.add_sources([source])
    course.generate()
    quick = nbformat.read(source, as_version=4)
    slow = nbformat.read(source, as_version=4)
    slow.cells[0].source = "import time\ntime.sleep(60)\nanswer = 1\n"
    course.submit("quick", {"nap.ipynb": quick})
    course.submit("slow", {"nap.ipynb": slow})
    return course


def job(course, student, scratch):
    scratch.mkdir(parents=True, exist_ok=True)
    return Job(
        student=student,
        submitted=str(course.folder("submitted", student)),
        source=str(course.folder("source")),
        gradebook=str(course.root / "gradebook.db"),
        scratch=str(scratch),
        assignment=course.assignment,
        limits=Limits(timeout=90).as_dict(),
        sandbox=True,
    )


def test_a_killed_worker_reports_no_result(course, tmp_path):
    worker = WorkerProcess()
    try:
        worker.start(job(course, "slow", tmp_path / "s"), seconds=300)
        os.kill(worker.process.pid, signal.SIGKILL)
        assert wait([worker.results], timeout=30) == [worker.results]
        assert worker.finish() is None
    finally:
        worker.kill()


def test_an_overdue_worker_is_replaced_and_the_rest_are_graded(course, tmp_path):
    results = {}
    jobs = [job(course, "slow", tmp_path / "a"), job(course, "quick", tmp_path / "b")]
    run_jobs(jobs, workers=1, deadline=20, on_result=lambda j, r: results.update({j.student: r}))
    assert not results["slow"].ok
    assert "took longer than 20 s" in results["slow"].log
    assert results["quick"].ok, results["quick"].log


def test_a_folder_named_workbook_where_the_grader_runs_changes_nothing(
    course, tmp_path, monkeypatch
):
    (tmp_path / "workbook" / "course").mkdir(parents=True)  # `workbook release --out workbook`
    monkeypatch.chdir(tmp_path)
    results = {}
    run_jobs([job(course, "quick", tmp_path / "q")], 1, 120, lambda j, r: results.update(q=r))
    assert results["q"].ok, results["q"].log


def bwrap_children(pid):
    """The ``bwrap`` processes ``pid`` started (a worker's zygote sandbox)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    found = []
    for child in children:
        try:
            if Path(f"/proc/{child}/comm").read_text().strip() == "bwrap":
                found.append(int(child))
        except FileNotFoundError:
            continue
    return found


def test_a_worker_started_early_grades_with_the_zygote_it_started_before_any_job(course, tmp_path):
    """Its zygote's imports run while the worker imports nbgrader; the first job uses it."""
    limits = Limits(timeout=90).as_dict()
    worker = WorkerProcess(early_settings(tmp_path, [], limits))
    try:
        deadline = time.monotonic() + 60
        while not bwrap_children(worker.process.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        started = bwrap_children(worker.process.pid)
        assert len(started) == 1, "no zygote started before the first job"
        result = worker.grade(job(course, "quick", tmp_path / "j0"), 300)
        assert result.ok, result.log
        assert bwrap_children(worker.process.pid) == started, "the zygote was started again"
    finally:
        worker.stop()
    assert not (tmp_path / f"z{worker.process.pid}").exists()
