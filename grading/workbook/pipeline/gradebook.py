"""The course gradebook's single writer: merge private gradebooks in, zero failed gradings.

nbgrader's gradebook is one SQLite file. Parallel workers each grade into a private copy; the
main process alone copies what ``autograde`` decides (automatic scores and comments, the
review flag, timestamps, late penalties) into the course gradebook, one submission at a time.
Manual scores and comments already in the course gradebook are kept, as nbgrader keeps them.
Prose questions left blank get 0 here (``score_blank_answers``): no person need open them.
"""

import sqlite3

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from workbook.notebook import is_answered, prose_answer, prose_tasks


def snapshot(db_path, copy_path):
    """Copy the gradebook consistently (SQLite's backup API), even while it is open."""
    source = sqlite3.connect(db_path)
    target = sqlite3.connect(copy_path)
    try:
        with target:
            source.backup(target)
    finally:
        source.close()
        target.close()


def ensure_students(db_url, students):
    with Gradebook(db_url) as gradebook:
        for student in students:
            gradebook.update_or_create_student(student)


def merge_submission(db_url, private_url, assignment, student):
    """Copy ``student``'s autograde results from the private gradebook into the course's."""
    with Gradebook(private_url) as private, Gradebook(db_url) as main:
        theirs = private.find_submission(assignment, student)
        main.update_or_create_student(student)
        main.update_or_create_submission(assignment, student, timestamp=theirs.timestamp)
        for notebook in theirs.notebooks:
            ours = main.find_submission_notebook(notebook.name, assignment, student)
            ours.late_submission_penalty = notebook.late_submission_penalty
            for grade in notebook.grades:
                mine = main.find_grade(grade.name, notebook.name, assignment, student)
                mine.auto_score = grade.auto_score
                mine.needs_manual_grade = (mine.manual_score is not None) or (
                    grade.auto_score is None
                )
            for comment in notebook.comments:
                mine = main.find_comment(comment.name, notebook.name, assignment, student)
                mine.auto_comment = comment.auto_comment
        main.db.commit()


def zero_submission(db_url, assignment, student):
    """Score 0 on every autograded cell of ``student``'s submission (grading failed)."""
    with Gradebook(db_url) as main:
        main.update_or_create_student(student)
        submission = main.update_or_create_submission(assignment, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.cell.cell_type == "code":
                    grade.auto_score = 0
                    grade.needs_manual_grade = grade.manual_score is not None
        main.db.commit()


def scores(db_url, assignment, student):
    """Return ``{notebook: {grade_id: (score, max_score)}}`` for one submission."""
    with Gradebook(db_url) as gradebook:
        submission = gradebook.find_submission(assignment, student)
        return {
            notebook.name: {grade.name: (grade.score, grade.max_score) for grade in notebook.grades}
            for notebook in submission.notebooks
        }


def blank_prose(notebook, release):
    """Return the grade ids of ``notebook``'s prose questions left blank: an answer holding
    nothing, the placeholder, or only text of the candidate version ``release`` (the answer
    cell deleted, say)."""
    given = {cell.source.strip() for cell in release.cells}
    blank = []
    for grade_id, _points in prose_tasks(notebook):
        answer = prose_answer(notebook, grade_id)
        if answer is None or not is_answered(answer) or answer.source.strip() in given:
            blank.append(grade_id)
    return blank


def score_blank_answers(course):
    """Give 0 to every prose question left blank, so no person need grade it; return
    ``{student: [(notebook, grade_id)]}`` of those blanks.

    A score a person gave a blank answer stays; a blank scored 0 here needs no manual grade,
    even after a re-grade (which asks for one again).
    """
    releases = {
        path.stem: nbformat.read(path, as_version=4)
        for path in sorted(course.folder("release").glob("*.ipynb"))
    }
    blanks = {}
    with Gradebook(course.db_url) as gradebook:
        for student in course.students("autograded"):
            for path in sorted(course.folder("autograded", student).glob("*.ipynb")):
                if path.stem not in releases:
                    continue
                notebook = nbformat.read(path, as_version=4)
                for grade_id in blank_prose(notebook, releases[path.stem]):
                    try:
                        grade = gradebook.find_grade(
                            grade_id, path.stem, course.assignment, student
                        )
                    except MissingEntry:
                        continue
                    if grade.manual_score in (None, 0):
                        grade.manual_score = 0
                        grade.needs_manual_grade = False
                        blanks.setdefault(student, []).append((path.stem, grade_id))
        gradebook.db.commit()
    return blanks
