"""The second pass: after grading by hand, `workbook finish` puts the grades everywhere.

Each test grades a private copy of the reporting course (``support/reporting_course``): there
``reference``, ``partial`` and the twins answered the prose question, ``stub`` and
``tampered`` left it blank.
"""

import csv
import shutil

import pytest
from nbgrader.api import Gradebook
from reporting_course import NOTEBOOK, PROSE, STUDENTS
from workbook import cli
from workbook.course import Course
from workbook.pipeline.finish import remember_results, results_folder, write_results

pytestmark = pytest.mark.xdist_group("grader-outputs")

ANSWERED = ("partial", "reference", "twin_a", "twin_b")
BLANK = ("stub", "tampered")


@pytest.fixture
def course(graded, tmp_path):
    """A copy of the graded reporting course, free to grade by hand."""
    shutil.copytree(graded.root, tmp_path / "course")
    return Course(tmp_path / "course")


def grade_by_hand(course, scores):
    """Score the prose question as formgrader does: ``{student: points}``."""
    with Gradebook(course.db_url) as gradebook:
        for student, points in scores.items():
            grade = gradebook.find_grade(PROSE, NOTEBOOK, course.assignment, student)
            grade.manual_score = points
            grade.needs_manual_grade = False
        gradebook.db.commit()


def csv_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return {row[0]: row for row in csv.reader(handle)}


def test_results_go_where_grade_put_them_before(course, tmp_path):
    assert results_folder(course) == course.root / "results"
    remember_results(course, tmp_path / "mine")
    assert results_folder(course) == tmp_path / "mine"
    assert results_folder(Course(course.root)) == (tmp_path / "mine"), (
        "Remembered in the course folder, not in memory."
    )


def test_blank_prose_scores_0_and_answered_prose_holds_back_feedback(course, tmp_path):
    results = write_results(course, tmp_path / "out")
    assert sorted(results.blanks) == list(BLANK)
    assert results.blanks["stub"] == [(NOTEBOOK, PROSE)]
    assert results.held_back == list(ANSWERED) and results.awaiting == len(ANSWERED)
    assert sorted(page.parent.name for page in results.feedback) == sorted(BLANK)
    rows = csv_rows(results.grades)
    assert [rows[s][-1] for s in STUDENTS] == ["0" if s in BLANK else "1" for s in STUDENTS], (
        "Blank answers are not counted as awaiting a person."
    )
    summary = "\n".join(results.summary())
    assert "2 blank prose answer(s) scored 0, not to grade by hand (stub, tampered)." in summary
    assert "4 answer(s) of 4 candidate(s) await grading by hand" in summary
    assert f"`workbook lab --instructor --course {course.root}` → Formgrader → Manual" in summary
    assert f"`workbook finish --course {course.root}`" in summary


def test_a_person_can_still_score_a_blank_answer(course, tmp_path):
    grade_by_hand(course, {"stub": 1})
    results = write_results(course, tmp_path / "out")
    assert "stub" not in results.blanks
    assert csv_rows(results.grades)["stub"][2] == "1"


def test_finish_after_grading_by_hand_puts_the_grades_everywhere(course, tmp_path, capsys):
    out = tmp_path / "results"
    remember_results(course, out)
    stale = write_results(course, out)
    (stale_page,) = [p for p in stale.feedback if p.parent.name == "stub"]
    grade_by_hand(course, {"reference": 1, "partial": 0.5, "twin_a": 1, "twin_b": 0})

    assert cli.main(["finish", "--course", str(course.root)]) == 0
    said = capsys.readouterr().out
    assert "Nothing awaits grading by hand" in said and str(out / "grades.csv") in said
    rows = csv_rows(out / "grades.csv")
    assert rows["reference"][1:] == ["6", "6", "0"] and rows["partial"][1:3] == ["2.5", "2.5"]
    pages = {page.parent.name for page in (out / "feedback").glob("*/*.html")}
    assert pages == set(STUDENTS) and stale_page.is_file()
    partial = (out / "feedback" / "partial" / f"{NOTEBOOK}.html").read_text()
    assert "2.5 / 6" in partial
    assert 'data-student="partial"' in (out / "report.html").read_text()


def test_held_back_feedback_removes_an_old_page(course, tmp_path):
    out = tmp_path / "out"
    grade_by_hand(course, {student: 1 for student in ANSWERED})
    write_results(course, out)
    assert (out / "feedback" / "reference" / f"{NOTEBOOK}.html").is_file()
    with Gradebook(course.db_url) as gradebook:  # a re-grade asks for a person again
        gradebook.find_grade(
            PROSE, NOTEBOOK, course.assignment, "reference"
        ).needs_manual_grade = True
        gradebook.db.commit()
    results = write_results(course, out)
    assert results.held_back == ["reference"]
    assert not list((out / "feedback" / "reference").glob("*.html"))


def test_export_feedback_and_report_default_to_the_remembered_folder(course, tmp_path):
    out = tmp_path / "remembered"
    remember_results(course, out)
    for command in ("export", "report", "feedback"):
        assert cli.main([command, "--course", str(course.root)]) == 0, command
    assert (out / "grades.csv").is_file() and (out / "report.html").is_file()
    assert list((out / "feedback").glob("*/*.html"))
    assert not (course.root / "results").exists()


def test_finish_before_grading_says_what_to_run(tmp_path, capsys):
    course = Course(tmp_path / "empty")
    with Gradebook(course.db_url):
        pass
    assert cli.main(["finish", "--course", str(course.root)]) == 2
    assert "run `workbook grade` first" in capsys.readouterr().err
