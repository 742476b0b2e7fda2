"""The grader's loop in a real (headless) Chromium: grade, grade by hand in formgrader, finish.

``workbook release`` and ``workbook grade`` (sandboxed) make a course with two candidates:
``alice`` answered the prose question, ``bob`` left it blank. ``workbook lab --instructor``
serves formgrader on that course; the browser walks Nbgrader → Formgrader → Manual Grading to
alice's submission and scores her answer. ``workbook finish`` must then put that grade in
``grades.csv``, her feedback page and the report, in the folder ``grade --out`` used.
Screenshots go to ``build/test-artefacts/``.
"""

import csv
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
from lab_server import running_lab
from nbgrader.api import Gradebook
from workbook.course import Course
from workbook.paths import NOTEBOOKS_DIR, REPO_DIR

pytestmark = [pytest.mark.browser, pytest.mark.sandbox, pytest.mark.xdist_group("lab-browser")]

ARTEFACTS = REPO_DIR / "build" / "test-artefacts"
NOTEBOOK = "00_orientation"
PROSE = "orientation_explain_count"
ANSWER = "count() asks the database for the number; len() loads every row first."
TIMEOUT_MS = 60_000


def workbook(*arguments, cwd):
    """Run the real ``workbook`` command; return its output (it must succeed)."""
    done = subprocess.run(
        [str(Path(sys.executable).parent / "workbook"), *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def grading(tmp_path_factory):
    """A folder where `workbook grade` graded alice and bob; yields it and grade's output."""
    root = tmp_path_factory.mktemp("grading")
    (root / "source").mkdir()
    (root / "repo" / "notebooks").mkdir(parents=True)
    for folder in (root / "source", root / "repo" / "notebooks"):
        shutil.copyfile(NOTEBOOKS_DIR / f"{NOTEBOOK}.ipynb", folder / f"{NOTEBOOK}.ipynb")
    workbook("release", "--source", "source", "--out", "build", cwd=root)
    release = Course(root / "build" / "course").folder("release") / f"{NOTEBOOK}.ipynb"
    for student, answer in (("alice", ANSWER), ("bob", None)):
        notebook = nbformat.read(release, as_version=4)
        if answer:
            (cell,) = [c for c in notebook.cells if c.get("id") == f"{PROSE}_answer"]
            cell.source = answer
        (root / "inbox" / student).mkdir(parents=True)
        nbformat.write(notebook, root / "inbox" / student / f"{NOTEBOOK}.ipynb")
    said = workbook(
        "grade",
        "inbox/alice",
        "inbox/bob",
        "--course",
        "build/course",
        "--out",
        "results",
        cwd=root,
    )
    return root, said


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return {row[0]: row for row in csv.reader(handle)}


def test_grade_says_what_awaits_a_person(grading):
    root, said = grading
    assert "1 blank prose answer(s) scored 0, not to grade by hand (bob)." in said
    assert "1 answer(s) of 1 candidate(s) await grading by hand" in said
    assert "→ Formgrader → Manual Grading, then run `workbook finish --course" in said
    assert rows(root / "results" / "grades.csv")["alice"][-1] == "1"
    assert not (root / "results" / "feedback" / "alice").exists(), "Her feedback waits."
    assert (root / "results" / "feedback" / "bob" / f"{NOTEBOOK}.html").is_file()


def _wait_for_manual_score(course, student, expected, deadline=20):
    started = time.monotonic()
    while time.monotonic() - started < deadline:
        with Gradebook(course.db_url) as gradebook:
            grade = gradebook.find_grade(PROSE, NOTEBOOK, course.assignment, student)
            if grade.manual_score == expected:
                return
        time.sleep(0.3)
    pytest.fail(f"Formgrader did not save {student}'s score {expected} in {deadline} s.")


def _grade_in_formgrader(page, lab, course):
    page.goto(f"{lab.base}/lab?token={lab.token}")
    page.click(".lm-MenuBar-itemLabel:text-is('Nbgrader')")
    page.click(".lm-Menu-itemLabel:text-is('Formgrader')")
    formgrader = page.frame_locator("iframe")
    formgrader.get_by_role("link", name="Manual Grading").click()
    # Manage Assignments links "workbook" too (to its source folder): wait for the new page.
    formgrader.get_by_role("heading", name="Manual Grading").wait_for()
    formgrader.get_by_role("link", name="workbook").click()
    formgrader.get_by_role("link", name=NOTEBOOK).click()
    formgrader.get_by_role("link", name="Submission #2").wait_for()  # the list has loaded
    formgrader.get_by_role("button", name="Show All Names").click()
    formgrader.get_by_role("link", name="alice").click()
    formgrader.get_by_text(ANSWER).wait_for()  # her answer, shown to the grader
    # Formgrader's script marks the field once it is bound; a value typed earlier is lost.
    score = formgrader.locator(f"input.score.needs_manual_grade#{PROSE}")
    score.wait_for()
    score.fill("1")
    score.press("Tab")  # formgrader saves on change
    _wait_for_manual_score(course, "alice", 1)
    page.screenshot(path=str(ARTEFACTS / "formgrader-graded.png"))


def test_a_grade_given_in_formgrader_reaches_csv_feedback_and_report(grading):
    from playwright.sync_api import sync_playwright

    root, _said = grading
    course = Course(root / "build" / "course")
    arguments = ["--instructor", f"--root={root / 'repo'}", f"--course={course.root}"]
    log = ARTEFACTS / "formgrader-browser-server.log"
    with (
        running_lab(arguments, log, settings=root / "user") as lab,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(TIMEOUT_MS)
        try:
            _grade_in_formgrader(page, lab, course)
        except (Exception, pytest.fail.Exception):
            page.screenshot(path=str(ARTEFACTS / "formgrader-failure.png"))
            raise
        finally:
            browser.close()
    assert not list((root / "repo").rglob("gradebook.db")), "One gradebook: the course's."

    said = workbook("finish", "--course", "build/course", cwd=root)
    assert "Nothing awaits grading by hand" in said
    results = root / "results"
    alice = rows(results / "grades.csv")["alice"]
    assert alice[1:] == ["1", "1", "0"], alice
    feedback = (results / "feedback" / "alice" / f"{NOTEBOOK}.html").read_text(encoding="utf-8")
    assert "Score: 1.0 / 6.0" in feedback and ANSWER in feedback
    report = (results / "report.html").read_text(encoding="utf-8")
    (row,) = [line for line in report.split("<tr ") if line.startswith('data-student="alice"')]
    assert "<b>1</b>" in row and not os.path.exists(root / "build" / "course" / "results")
