"""The grader is not tied to the workbook: a plain nbgrader assignment grades the same way.

The assignment here has nothing of the workbook (no Django, no boot cell): one solution cell
and one test cell with a hidden test, in nbgrader's own markup. Its kernels come from the same
zygote as the workbook's and must still score the reference full and the stub zero.
"""

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from workbook import gradebook
from workbook.autograde import autograde
from workbook.course import Course
from workbook.sandboxing import Limits

pytestmark = [pytest.mark.notebook, pytest.mark.sandbox]

SOLUTION = """def mean(values):
    ### BEGIN SOLUTION
    return sum(values) / len(values)
    ### END SOLUTION
"""
TESTS = """assert mean([1, 2, 3]) == 2
### BEGIN HIDDEN TESTS
assert mean([2.5]) == 2.5
### END HIDDEN TESTS
"""


def _cell(source, **nbgrader):
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"schema_version": 3, "task": False, **nbgrader}
    return cell


def _assignment():
    return new_notebook(
        cells=[
            new_markdown_cell("Write `mean(values)`."),
            _cell(SOLUTION, grade=False, solution=True, locked=False, grade_id="mean"),
            _cell(TESTS, grade=True, solution=False, locked=True, grade_id="mean_tests", points=3),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    )


def test_a_plain_nbgrader_assignment_is_graded(tmp_path):
    source = tmp_path / "means.ipynb"
    nbformat.write(_assignment(), source)
    course = Course(tmp_path / "course", assignment="means")
    course.add_sources([source])
    (released,) = course.generate()
    course.submit("reference", {"means.ipynb": nbformat.read(source, as_version=4)})
    course.submit("stub", {"means.ipynb": nbformat.read(released, as_version=4)})

    outcomes = autograde(course, workers=2, limits=Limits(timeout=20))

    assert all(outcome.ok for outcome in outcomes.values()), outcomes
    scores = {
        student: gradebook.scores(course.db_url, "means", student)["means"]["mean_tests"]
        for student in ("reference", "stub")
    }
    assert scores == {"reference": (3, 3), "stub": (0, 3)}
