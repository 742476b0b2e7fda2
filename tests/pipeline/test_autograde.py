"""``workbook autograde`` through real nbgrader: scores, isolation, limits and hostile code.

The tests marked ``reads_hostile_run`` read one grading run of honest and hostile submissions,
made in a throw-away PID namespace (``hostile_run``); where bwrap is unusable they are skipped
before it starts, and grading itself refuses to run: nothing hostile ever runs unconfined.
"""

import hashlib
import html
import json
import re
import sqlite3

import hostile_submissions as hostile
import nbformat
import pytest
from hostile_run import COUNT_TESTS, SOURCE, TOP_TESTS, run_in_own_pid_namespace
from workbook.errors import SandboxUnavailable
from workbook.isolation import execute
from workbook.pipeline import autograde as autograde_module

pytestmark = pytest.mark.notebook
# The tests that read the hostile run: skipped, before it starts, where bwrap is unusable.
reads_hostile_run = pytest.mark.sandbox


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return run_in_own_pid_namespace(tmp_path_factory.mktemp("autograde") / "course")


@reads_hostile_run
def test_grade_collects_everything_and_writes_the_outputs(graded):
    assert not graded.collected.problems
    assert len(graded.collected.imported) == len(graded.outcomes) == 4 + len(HOSTILE)
    assert (graded.out / "grades.csv").exists() and (graded.out / "report.html").exists()
    assert len(graded.written["feedback"]) >= len(graded.outcomes)
    rows = (graded.out / "grades.csv").read_text().splitlines()
    assert any(row.startswith("instructor,") for row in rows)


@reads_hostile_run
def test_instructor_version_scores_full(graded):
    scores = graded.scores("instructor")
    assert scores[COUNT_TESTS] == (2, 2) and scores[TOP_TESTS] == (3, 3)
    assert graded.outcomes["instructor"].ok


@reads_hostile_run
def test_candidate_version_scores_zero(graded):
    scores = graded.scores("stub")
    assert scores[COUNT_TESTS][0] == 0 and scores[TOP_TESTS][0] == 0


@reads_hostile_run
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
    "h-deep-tree",
    "h-disk-fill",
    *hostile.DURING,
    *hostile.LYING,
]


@reads_hostile_run
def test_every_attack_is_in_the_suite(graded):
    assert sorted(graded.hostile) == sorted(HOSTILE)


@reads_hostile_run
@pytest.mark.parametrize("student", HOSTILE)
def test_hostile_submission_gains_nothing(graded, student):
    scores = graded.scores(student)
    assert set(scores) == {COUNT_TESTS, TOP_TESTS, "orientation_explain_count"}, (
        f"{student} changed which cells are graded: {sorted(scores)}"
    )
    assert graded.outcomes[student].ok, f"{student}: grading did not finish"
    assert scores[COUNT_TESTS] == (0, 2), f"{student}: {scores}"
    assert scores[TOP_TESTS] == (0, 3), f"{student}: {scores}"


@reads_hostile_run
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
        ("h-disk-fill", "MB to disk"),
        *[(student, "withheld for a person") for student in hostile.DURING],
        *[(student, "redefines how it compares") for student in hostile.LYING],
        ("h-extra-cells", "bonus_tests"),
    ],
)
def test_a_note_says_what_happened(graded, student, words):
    notes = graded.notes.get(student, [])
    alternatives = (words,) if isinstance(words, str) else words
    assert any(
        any(word in note["note"] for word in alternatives) and note["notebook"] for note in notes
    ), notes


def _hidden_test_lines(release):
    """Lines of the hidden tests that the candidate version does not show anyway."""
    notebook = nbformat.read(SOURCE, as_version=4)
    shown = nbformat.writes(release)
    lines = set()
    for cell in notebook.cells:
        region = re.search(r"BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", cell.source, re.S)
        if region:
            lines |= {line.strip() for line in region.group(1).splitlines()}
    return {line for line in lines if len(line) >= 12 and json.dumps(line)[1:-1] not in shown}


@reads_hostile_run
@pytest.mark.parametrize("student", HOSTILE)
def test_no_feedback_page_shows_a_hidden_test(graded, student):
    pages = list((graded.out / "feedback" / student).glob("*.html"))
    assert pages, f"{student} got no feedback page"
    text = html.unescape("".join(page.read_text() for page in pages))
    leaked = [line for line in _hidden_test_lines(graded.release) if line in text]
    assert not leaked, f"{student}'s feedback shows hidden tests: {leaked}"


@reads_hostile_run
def test_kernel_sees_neither_secrets_nor_network(graded):
    text = graded.outputs("h-probe")
    labels = [f"read {label}" for label in graded.paths["read"]]
    labels += [f"write {label}" for label in graded.paths["write"]] + hostile.FIXED_PROBES
    for label in labels:
        assert f"{label}: DENIED" in text, f"{label} was not denied:\n{text}"
    assert "EXPOSED" not in text


@reads_hostile_run
def test_course_files_are_untouched(graded):
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest() == graded.instructor_digest
    database = sqlite3.connect(graded.course.root / "gradebook.db")
    assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    database.close()


@reads_hostile_run
def test_resubmission_without_test_cells_keeps_no_stale_score(graded):
    assert graded.first_resub[COUNT_TESTS] == (2, 2)
    scores = graded.scores("resub")
    assert scores[COUNT_TESTS] == (0, 2) and scores[TOP_TESTS] == (0, 3)


@reads_hostile_run
def test_notes_file_has_the_documented_shape(graded):
    for student, notes in graded.notes.items():
        assert isinstance(student, str)
        for note in notes:
            assert set(note) == {"notebook", "note"}


@reads_hostile_run
def test_no_worker_or_kernel_outlives_the_run(graded):
    """Workers are gone; no cgroup of a gone grader process still holds a process."""
    assert not graded.leftover_workers
    assert not graded.busy_cgroups


def test_autograde_steps_keep_nbgrader_order():
    from nbgrader.preprocessors import Execute, SaveAutoGrades
    from workbook.pipeline.grading import autograde_preprocessors

    steps = autograde_preprocessors()
    assert steps[0] is execute.GuardedExecute and Execute not in steps
    assert steps.index(execute.GuardedExecute) < steps.index(SaveAutoGrades)


def test_unknown_cells_are_forgotten_before_cells_are_restored():
    from nbgrader.preprocessors import DeduplicateIds, OverwriteCells
    from workbook.isolation.sanitize import ForgetUnknownCells
    from workbook.pipeline.grading import sanitize_preprocessors

    steps = sanitize_preprocessors()
    assert steps.index(DeduplicateIds) < steps.index(ForgetUnknownCells)
    assert steps.index(ForgetUnknownCells) < steps.index(OverwriteCells)


def test_no_sandbox_warns_loudly(capsys):
    assert autograde_module.resolve_sandbox(False) is False
    assert "WITHOUT a sandbox" in capsys.readouterr().err


def test_without_a_usable_sandbox_grading_refuses(monkeypatch):
    problem = "bubblewrap (bwrap) is not installed: sudo apt-get install bubblewrap"
    monkeypatch.setattr(autograde_module, "bwrap_problem", lambda: problem)
    for asked in (True, None):
        with pytest.raises(SandboxUnavailable, match=r"refusing.*apt-get install bubblewrap"):
            autograde_module.resolve_sandbox(asked)
