"""The grader is not tied to the workbook: a plain nbgrader assignment grades the same way.

The assignment here has nothing of the workbook (no Django, no boot cell): one solution cell
and one test cell with a hidden test, in nbgrader's own markup. Its kernels come from the same
zygote as the workbook's and must still score the reference full and the stub zero.
"""

import shutil
from pathlib import Path

import nbformat
import nbgrader.tests as nbgrader_tests
import pytest
from small_assignment import means_notebook
from workbook.course import Course
from workbook.isolation.sandboxing import Limits
from workbook.pipeline import gradebook
from workbook.pipeline.autograde import autograde

pytestmark = [pytest.mark.notebook, pytest.mark.sandbox]


def test_a_plain_nbgrader_assignment_is_graded(tmp_path):
    source = tmp_path / "means.ipynb"
    nbformat.write(means_notebook(), source)
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


NBGRADER_FILES = Path(nbgrader_tests.__file__).parent / "apps" / "files"
# nbgrader's own fixtures: a notebook that opens a released data file, one that fails when
# NBGRADER_EXECUTION is set, one whose tests autotests.yml writes at release.
FIXTURES = {
    "open_relative_file.ipynb": ["data.txt"],
    "validating-environment-variable.ipynb": [],
    "autotest-simple.ipynb": ["autotests.yml"],
}


def _nbgrader_course(root, source):
    course = Course(root, assignment="fixtures")
    course.add_source_folder(source)
    course.generate()
    for name in FIXTURES:
        course.submit("reference", {name: nbformat.read(source / name, as_version=4)})
    return course


def _all_scores(course):
    found = gradebook.scores(course.db_url, "fixtures", "reference")
    return {notebook: found[notebook] for notebook in sorted(found)}


def test_files_beside_the_notebooks_and_nbgraders_variables_grade_as_nbgrader_does(tmp_path):
    """Released data files, autotests.yml and NBGRADER_EXECUTION: the same points as nbgrader."""
    source = tmp_path / "source"
    source.mkdir()
    for name, files in FIXTURES.items():
        for file in [name, *files]:
            shutil.copyfile(NBGRADER_FILES / file, source / file)
    plain = _nbgrader_course(tmp_path / "plain", source)
    plain.autograde("reference")
    workbook = _nbgrader_course(tmp_path / "workbook", source)
    outcomes = autograde(workbook, workers=1, limits=Limits(timeout=20))

    assert outcomes["reference"].ok, outcomes
    expected = _all_scores(plain)
    assert expected["open_relative_file"] == {"open_file": (10, 10)}  # the file was found
    assert expected["validating-environment-variable"]["cell-bfbdf1784663b6b6"][0] == 0
    assert _all_scores(workbook) == expected
