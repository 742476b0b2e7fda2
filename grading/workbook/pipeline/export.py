"""``workbook export``: the gradebook's scores as ``grades.csv``, one row per candidate.

Columns: ``student``, one per notebook (its score after any late penalty), ``total`` and
``awaiting_manual_grading`` (cells a person still has to grade). The first row after the
header, ``(max score)``, holds the maximum of each column, so the sheet reads on its own.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from workbook.course import Course
from workbook.errors import CommandError

MAX_ROW = "(max score)"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Question:
    notebook: str
    cell: str
    max_score: float
    manual: bool  # graded by a person (a task or a manually graded answer)


@dataclass
class StudentScores:
    student: str
    notebooks: dict = field(default_factory=dict)  # notebook -> score (late penalty applied)
    questions: dict = field(default_factory=dict)  # (notebook, cell) -> score, None if ungraded
    awaiting: int = 0  # cells that still need a manual grade
    late_penalty: float = 0.0

    @property
    def total(self):
        return sum(self.notebooks.values())


@dataclass
class Scores:
    notebooks: dict  # notebook -> max score, in order
    questions: list  # Question, in notebook order
    students: list  # StudentScores, by id

    @property
    def max_total(self):
        return sum(self.notebooks.values())


def read_scores(course):
    """Return every autograded candidate's scores from ``course``'s gradebook."""
    with Gradebook(course.db_url, course.config.CourseDirectory.course_id) as gradebook:
        try:
            assignment = gradebook.find_assignment(course.assignment)
        except MissingEntry:
            return Scores({}, [], [])
        records = sorted(assignment.notebooks, key=lambda notebook: notebook.name)
        notebooks = {record.name: float(record.max_score) for record in records}
        questions = []
        for record in records:
            order = {cell.name: index for index, cell in enumerate(record.source_cells)}
            cells = [(cell, False) for cell in record.grade_cells]
            cells += [(cell, True) for cell in record.task_cells]
            cells.sort(key=lambda item: order.get(item[0].name, len(order)))
            solutions = {cell.name for cell in record.solution_cells}
            for cell, is_task in cells:
                manual = is_task or cell.name in solutions
                questions.append(Question(record.name, cell.name, float(cell.max_score), manual))
        students = []
        for submission in sorted(
            gradebook.assignment_submissions(course.assignment), key=lambda s: s.student.id
        ):
            row = StudentScores(submission.student.id)
            for notebook in submission.notebooks:
                penalty = notebook.late_submission_penalty or 0.0
                row.late_penalty += penalty
                row.notebooks[notebook.name] = float(notebook.score) - penalty
                for grade in notebook.grades:
                    ungraded = grade.auto_score is None and grade.manual_score is None
                    row.questions[(notebook.name, grade.name)] = (
                        None if ungraded else float(grade.score)
                    )
                    row.awaiting += bool(grade.needs_manual_grade)
            students.append(row)
    return Scores(notebooks, questions, students)


def number(value):
    """Format a score without a pointless ``.0``."""
    return "" if value is None else f"{value:g}"


def safe_cell(text):
    """Keep spreadsheet programs from running a student id as a formula."""
    text = str(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_grades_csv(course, out_path):
    """Write ``grades.csv`` for ``course`` to ``out_path`` and return the path."""
    scores = read_scores(course)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    names = list(scores.notebooks)
    with out_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", *names, "total", "awaiting_manual_grading"])
        writer.writerow(
            [MAX_ROW, *(number(scores.notebooks[n]) for n in names), number(scores.max_total), ""]
        )
        for row in scores.students:
            writer.writerow(
                [
                    safe_cell(row.student),
                    *(number(row.notebooks.get(name)) for name in names),
                    number(row.total),
                    row.awaiting,
                ]
            )
    return out_path


def open_course(path):
    """Return the course at ``path``; exit with a clear message when there is none."""
    if not (Path(path) / "gradebook.db").exists():
        raise CommandError(
            f"No gradebook in {path}: pass --course with the folder you grade in "
            "(the one holding gradebook.db)."
        )
    return Course(path)


def run(args):
    from workbook.pipeline.finish import results_folder

    course = open_course(args.course)
    out = args.out or results_folder(course) / "grades.csv"
    path = write_grades_csv(course, out)
    count = len(read_scores(course).students)
    print(f"Wrote {path}: {count} candidate(s).")
    return 0
