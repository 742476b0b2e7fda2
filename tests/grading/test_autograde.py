"""``workbook autograde`` through real nbgrader: scores, isolation, limits and hostile code.

One course from ``notebooks/00_orientation.ipynb`` goes through ``workbook grade`` (collect,
autograde, feedback, export, report) in a single parallel run with short limits: the
instructor version, the candidate version, a wrong answer, and one hostile submission per
attack (``hostile_submissions``), as folders and zips. Then one candidate resubmits with the
test cells deleted and is graded again: no stale score may survive.
"""

import contextlib
import hashlib
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import hostile_submissions as hostile
import nbformat
import pytest
from workbook import autograde as autograde_module
from workbook import execute, gradebook
from workbook.autograde import autograde, boot_arguments
from workbook.collect import collect
from workbook.course import NOTEBOOKS_DIR, REPO_DIR, Course
from workbook.grade import grade
from workbook.sandboxing import Limits, bwrap_problem

SOURCE = NOTEBOOKS_DIR / "00_orientation.ipynb"
NAME = SOURCE.name
COUNT_TESTS = f"{hostile.COUNT}_tests"
TOP_TESTS = f"{hostile.TOP}_tests"
WRONG = NOTEBOOKS_DIR / "wrong_answers" / hostile.TOP / "counts_items_not_plays.py"
ZIPPED = {"instructor", "h-probe", "h-fork-bomb"}
LIMITS = Limits(timeout=5, memory_mb=768, processes=64, output_kb=256, hang_grace=3)

pytestmark = pytest.mark.notebook


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


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return Graded(tmp_path_factory.mktemp("autograde") / "course")


def test_the_sandbox_is_available_here():
    assert bwrap_problem() is None, "these tests expect bubblewrap with user namespaces"


def test_grade_collects_everything_and_writes_the_outputs(graded):
    assert not graded.collected.problems
    assert len(graded.collected.imported) == len(graded.outcomes) == 4 + len(HOSTILE)
    assert (graded.out / "grades.csv").exists() and (graded.out / "report.html").exists()
    assert len(graded.written["feedback"]) >= len(graded.outcomes)
    rows = (graded.out / "grades.csv").read_text().splitlines()
    assert any(row.startswith("instructor,") for row in rows)


def test_instructor_version_scores_full(graded):
    scores = graded.scores("instructor")
    assert scores[COUNT_TESTS] == (2, 2) and scores[TOP_TESTS] == (3, 3)
    assert graded.outcomes["instructor"].ok


def test_candidate_version_scores_zero(graded):
    scores = graded.scores("stub")
    assert scores[COUNT_TESTS][0] == 0 and scores[TOP_TESTS][0] == 0


def test_wrong_answer_scores_less(graded):
    scores = graded.scores("wrong")
    assert scores[COUNT_TESTS] == (2, 2)
    assert scores[TOP_TESTS][0] < 3


HOSTILE = [
    "h-edit-tests",
    "h-delete-tests",
    "h-metadata",
    "h-extra-cells",
    "h-patch-helpers",
    "h-swallow-errors",
    "h-transform-cells",
    "h-thread-hook",
    "h-probe",
    "h-infinite-loop",
    "h-ignore-interrupt",
    "h-os-exit",
    "h-memory-bomb",
    "h-fork-bomb",
    "h-output-flood",
    "h-sleep",
    "h-zygote-stop",
    "h-zygote-kill",
]


def test_every_attack_is_in_the_suite(graded):
    assert sorted(graded.hostile) == sorted(HOSTILE)


@pytest.mark.parametrize("student", HOSTILE)
def test_hostile_submission_gains_nothing(graded, student):
    scores = graded.scores(student)
    assert set(scores) == {COUNT_TESTS, TOP_TESTS, "orientation_explain_count"}, (
        f"{student} changed which cells are graded: {sorted(scores)}"
    )
    assert graded.outcomes[student].ok, f"{student}: grading did not finish"
    assert scores[COUNT_TESTS] == (0, 2), f"{student}: {scores}"
    assert scores[TOP_TESTS] == (0, 3), f"{student}: {scores}"


@pytest.mark.parametrize(
    ("student", "words"),
    [
        ("h-os-exit", "kernel died"),
        ("h-zygote-kill", "kernel died"),
        # ipykernel buffers prints between flushes: on a busy machine the buffer can reach the
        # memory limit before the grader has read past the output limit. Either way it is named.
        ("h-output-flood", ("KB of output", "memory limit")),
        ("h-ignore-interrupt", "did not answer the interrupt"),
        ("h-infinite-loop", "ran past the 5 s limit"),
        ("h-sleep", "ran past the 5 s limit"),
        ("h-patch-helpers", "django.test.utils.CaptureQueriesContext"),
        ("h-metadata", "Ignored grading metadata"),
        ("h-extra-cells", "bonus_tests"),
    ],
)
def test_a_note_says_what_happened(graded, student, words):
    notes = graded.notes.get(student, [])
    alternatives = (words,) if isinstance(words, str) else words
    assert any(
        any(word in note["note"] for word in alternatives) and note["notebook"] for note in notes
    ), notes


def test_kernel_sees_neither_secrets_nor_network(graded):
    text = graded.outputs("h-probe")
    labels = [f"read {label}" for label in graded.paths["read"]]
    labels += [f"write {label}" for label in graded.paths["write"]] + hostile.FIXED_PROBES
    for label in labels:
        assert f"{label}: DENIED" in text, f"{label} was not denied:\n{text}"
    assert "EXPOSED" not in text


def test_course_files_are_untouched(graded):
    assert _digest(SOURCE) == graded.instructor_digest
    database = sqlite3.connect(graded.course.root / "gradebook.db")
    assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    database.close()


def test_resubmission_without_test_cells_keeps_no_stale_score(graded):
    assert graded.first_resub[COUNT_TESTS] == (2, 2)
    scores = graded.scores("resub")
    assert scores[COUNT_TESTS] == (0, 2) and scores[TOP_TESTS] == (0, 3)


def test_notes_file_has_the_documented_shape(graded):
    for student, notes in graded.notes.items():
        assert isinstance(student, str)
        for note in notes:
            assert set(note) == {"notebook", "note"}


def test_no_worker_or_kernel_outlives_the_run(graded):
    """Workers are gone; no cgroup of a gone grader process still holds a process."""
    mine = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == os.getpid():
                mine.append((stat.parent / "cmdline").read_bytes())
    assert not [cmd for cmd in mine if b"workbook.worker" in cmd]
    for folder in Path("/sys/fs/cgroup/pids").glob("workbook-*-*"):
        owner = folder.name.split("-")[1]
        if not Path("/proc", owner).exists():
            assert not (folder / "cgroup.procs").read_text().strip(), folder


def test_autograde_steps_keep_nbgrader_order():
    from nbgrader.preprocessors import Execute, SaveAutoGrades
    from workbook.worker import autograde_preprocessors

    steps = autograde_preprocessors()
    assert steps[0] is execute.GuardedExecute and Execute not in steps
    assert steps.index(execute.GuardedExecute) < steps.index(SaveAutoGrades)


def test_unknown_cells_are_forgotten_before_cells_are_restored():
    from nbgrader.preprocessors import DeduplicateIds, OverwriteCells
    from workbook.sanitize import ForgetUnknownCells
    from workbook.worker import sanitize_preprocessors

    steps = sanitize_preprocessors()
    assert steps.index(DeduplicateIds) < steps.index(ForgetUnknownCells)
    assert steps.index(ForgetUnknownCells) < steps.index(OverwriteCells)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("sandbox = boot()", ("small", 0)),
        ("sandbox = boot('medium')", ("medium", 0)),
        ("sandbox = boot(size='large', seed=3)", ("large", 3)),
        ("print('no boot here')", ("small", 0)),
    ],
)
def test_boot_arguments(source, expected):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    assert boot_arguments(notebook) == expected


def test_no_sandbox_warns_loudly(capsys):
    assert autograde_module.resolve_sandbox(False) is False
    assert "WITHOUT a sandbox" in capsys.readouterr().err
