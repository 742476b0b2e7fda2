"""grades.csv: one row per candidate, one column per notebook, a total, from the gradebook."""

import csv

import pytest
from nbgrader.api import Gradebook
from reporting_course import NOTEBOOK, STUDENTS, TAMPERED
from workbook import cli
from workbook.pipeline.export import MAX_ROW, read_scores, safe_cell, write_grades_csv

pytestmark = pytest.mark.xdist_group("grader-outputs")


@pytest.fixture(scope="module")
def rows(graded, tmp_path_factory):
    path = write_grades_csv(graded.course, tmp_path_factory.mktemp("export") / "grades.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_header_names_notebooks_and_total(rows):
    assert rows[0] == ["student", NOTEBOOK, "total", "awaiting_manual_grading"]


def test_max_row_comes_first(rows):
    assert rows[1] == [MAX_ROW, "6", "6", ""]


def test_one_row_per_candidate_matching_the_gradebook(graded, rows):
    body = {row[0]: row for row in rows[2:]}
    assert sorted(body) == sorted(STUDENTS)
    course = graded.course
    with Gradebook(course.db_url) as gradebook:
        for student in STUDENTS:
            notebook = gradebook.find_submission_notebook(NOTEBOOK, course.assignment, student)
            expected = notebook.score - (notebook.late_submission_penalty or 0)
            awaiting = sum(grade.needs_manual_grade for grade in notebook.grades)
            assert float(body[student][1]) == expected, student
            assert float(body[student][2]) == expected, student
            assert int(body[student][3]) == awaiting, student


@pytest.mark.parametrize(
    ("student", "total"),
    [("reference", 5), ("stub", 0), ("partial", 2), ("twin_a", 5), (TAMPERED, 5)],
)
def test_known_totals(rows, student, total):
    """The prose answer (1 point) waits for a person; tampering gained nothing."""
    (row,) = [row for row in rows if row[0] == student]
    assert float(row[2]) == total


def test_question_scores_match_course_scores(graded):
    scores = read_scores(graded.course)
    for row in scores.students:
        expected = graded.course.scores(row.student, NOTEBOOK)
        for (notebook, cell), score in row.questions.items():
            assert notebook == NOTEBOOK
            want, _ = expected[cell]
            assert score == (None if cell == "orientation_explain_count" else want)


@pytest.mark.parametrize(
    ("text", "safe"),
    [("alice", "alice"), ("=HYPERLINK(1)", "'=HYPERLINK(1)"), ("+1", "'+1"), ("-x", "'-x")],
)
def test_student_ids_cannot_become_formulas(text, safe):
    assert safe_cell(text) == safe


def test_cli_writes_csv(graded, tmp_path, capsys):
    out = tmp_path / "out" / "grades.csv"
    assert cli.main(["export", "--course", str(graded.root), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("student,")
    assert f"{len(STUDENTS)} candidate(s)" in capsys.readouterr().out


def test_cli_names_a_missing_course(tmp_path, capsys):
    assert cli.main(["export", "--course", str(tmp_path / "nowhere")]) == 2
    assert "No gradebook in" in capsys.readouterr().err
