"""``workbook autograde --scheduler``: a real Dask scheduler and two workers on 127.0.0.1.

Started as separate processes with the ``dask`` command (``--nworkers 1 --nthreads 1``),
stopped by the fixture. They grade the instructor and candidate versions of notebook 00 and
two hostile submissions; the scores must be those of a local ``workbook autograde``, also
when a worker process is killed while it grades.
"""

import os
import signal
import threading
import time

import hostile_submissions as hostile
import nbformat
import pytest
from dask_cluster import DaskCluster, free_port
from workbook.course import Course
from workbook.errors import CommandError
from workbook.isolation.limits import Limits
from workbook.paths import NOTEBOOKS_DIR, REPO_DIR
from workbook.pipeline import gradebook
from workbook.pipeline.autograde import autograde

distributed = pytest.importorskip("distributed", reason="needs the cluster extra (Dask)")

pytestmark = [pytest.mark.notebook, pytest.mark.sandbox, pytest.mark.xdist_group("dask")]

SOURCE = NOTEBOOKS_DIR / "00_orientation.ipynb"
HOSTILE = ("h-patch-helpers", "h-zygote-kill")
LIMITS = Limits(timeout=30, memory_mb=768, processes=64, output_kb=256, disk_mb=128, hang_grace=3)


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    cluster = DaskCluster(tmp_path_factory.mktemp("dask-logs"))
    try:
        yield cluster
    finally:
        cluster.stop()
    try:  # nothing of the runs is left on the workers: no instructor notebook, no gradebook
        assert not [path for path in cluster.leftovers() if "/grading/" in path]
    finally:
        cluster.remove()


def course_with_submissions(root):
    """A course of notebook 00: instructor, candidate version and the two hostile ones."""
    course = Course(root)
    course.add_sources([SOURCE])
    (release_path,) = course.generate()
    release = nbformat.read(release_path, as_version=4)
    paths = {"read": {"repository tests": REPO_DIR / "tests" / "conftest.py"}, "write": {}}
    attacks = hostile.build(release, paths)
    submissions = {
        "instructor": nbformat.read(SOURCE, as_version=4),
        "stub": release,
        **{student: attacks[student] for student in HOSTILE},
    }
    for student, notebook in submissions.items():
        course.submit(student, {release_path.name: notebook})
    return course


def graded(course, outcomes):
    """What must not depend on where grading ran: scores, success, notebooks noted."""
    return {
        student: (
            gradebook.scores(course.db_url, course.assignment, student),
            outcome.ok,
            sorted({notebook for notebook, _ in outcome.notes}),
        )
        for student, outcome in outcomes.items()
    }


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    course = course_with_submissions(tmp_path_factory.mktemp("local") / "course")
    return graded(course, autograde(course, workers=2, limits=LIMITS))


def test_the_cluster_grades_as_this_machine_does(dask_cluster, local, tmp_path, capsys):
    course = course_with_submissions(tmp_path / "course")
    outcomes = autograde(course, limits=LIMITS, scheduler=dask_cluster.address)
    assert graded(course, outcomes) == local, dask_cluster.log()
    assert local["instructor"][0][SOURCE.stem][f"{hostile.TOP}_tests"] == (3, 3)
    assert all(points == 0 for points, _ in local["h-patch-helpers"][0][SOURCE.stem].values())
    for student in local:
        assert (course.folder("autograded", student) / SOURCE.name).is_file()
    assert f"Dask cluster at {dask_cluster.address}" in capsys.readouterr().err


def kill_a_busy_worker(address, killed, seconds=300, while_another_grades=False):
    """SIGKILL the first Dask worker process seen grading one task for 0.5 s; note that task.

    The task must still be running when the kill comes: it is looked at again just before
    (grading a small submission takes a second or two). ``while_another_grades``: only while
    another worker is grading too, so that some submission is surely not the dead worker's.
    """

    def executing(dask_worker):
        return os.getpid(), [str(task.key) for task in dask_worker.state.executing]

    with distributed.Client(address, timeout=30) as client:
        deadline = time.monotonic() + seconds
        running = {}  # worker pid -> (its task, when that task was first seen running)
        while time.monotonic() < deadline:
            now = time.monotonic()
            tasks = {pid: keys[0] for pid, keys in client.run(executing).values() if keys}
            running = {
                pid: running[pid] if running.get(pid, ("",))[0] == task else (task, now)
                for pid, task in tasks.items()
            }
            if len(running) > 1 or not while_another_grades:
                for pid, (task, first) in running.items():
                    if now - first >= 0.5:
                        os.kill(pid, signal.SIGKILL)
                        killed.append(task)
                        return
            time.sleep(0.2)


def test_a_worker_killed_mid_run_loses_no_submission(dask_cluster, local, tmp_path):
    course = course_with_submissions(tmp_path / "course")
    killed = []
    killer = threading.Thread(target=kill_a_busy_worker, args=(dask_cluster.address, killed))
    killer.start()
    try:
        outcomes = autograde(course, limits=LIMITS, scheduler=dask_cluster.address)
    finally:
        killer.join()
    assert killed, "no worker was seen grading"
    assert graded(course, outcomes) == local, dask_cluster.log()


def test_a_submission_whose_workers_keep_dying_gets_a_note(local, tmp_path):
    (tmp_path / "logs").mkdir()
    config = {"DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0"}  # give up after one death
    cluster = DaskCluster(tmp_path / "logs", config=config)
    try:
        course = course_with_submissions(tmp_path / "course")
        killed = []
        killer = threading.Thread(
            target=kill_a_busy_worker,
            args=(cluster.address, killed),
            kwargs={"while_another_grades": True},
        )
        killer.start()
        try:
            outcomes = autograde(course, limits=LIMITS, scheduler=cluster.address)
        finally:
            killer.join()
    finally:
        cluster.stop()
        cluster.remove()
    assert killed, "no worker was seen grading"
    # Dask counts a death against every task the worker held: the one it ran, and any it had
    # been given to run next.
    lost = {student for student, outcome in outcomes.items() if not outcome.ok}
    assert killed[0].removeprefix("grade-").rsplit("-", 1)[0] in lost
    for student in lost:
        notes = [note for _, note in outcomes[student].notes]
        assert any("Dask workers grading it died 1 time(s)" in note for note in notes), notes
    others = {student: outcome for student, outcome in outcomes.items() if student not in lost}
    assert others, "the other worker graded nothing"
    assert graded(course, others) == {s: v for s, v in local.items() if s not in lost}


def test_workers_and_scheduler_are_one_or_the_other(tmp_path):
    course = course_with_submissions(tmp_path / "course")
    with pytest.raises(CommandError, match="--workers sizes the local pool"):
        autograde(course, workers=2, scheduler="tcp://127.0.0.1:1")


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    from workbook.pipeline import cluster

    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 3)
    course = course_with_submissions(tmp_path / "course")
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(CommandError, match=f"cannot reach the Dask scheduler at {address}"):
        autograde(course, limits=LIMITS, scheduler=address)
    assert not list(course.folder("autograded").glob("*/*"))
