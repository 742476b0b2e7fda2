"""Every notebook of the workbook grades in the grader's sandbox as the checker grades it
through plain nbgrader: the reference solutions score full marks, the candidate stubs 0.

The sandbox (no network but loopback, an allow-list of the machine, limits), the static
policy and the per-cell completion secrets all apply here, so a notebook that needs more
than the sandbox gives, or a reference answer the policy would withhold, shows up.
"""

import nbformat
import pytest
from workbook.course import Course
from workbook.notebook import tasks
from workbook.paths import NOTEBOOKS_DIR
from workbook.pipeline import gradebook
from workbook.pipeline.autograde import autograde

pytestmark = [pytest.mark.notebook, pytest.mark.sandbox]
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = Course(tmp_path_factory.mktemp("every-notebook") / "course")
    course.add_sources(NOTEBOOKS)
    released = {path.name: path for path in course.generate()}
    for student, folder in (("reference", NOTEBOOKS_DIR), ("stub", None)):
        course.submit(
            student,
            {
                name: nbformat.read((folder / name) if folder else path, as_version=4)
                for name, path in released.items()
            },
        )
    outcomes = autograde(course, workers=2)
    return course, outcomes


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_reference_scores_full_and_stub_zero_in_the_sandbox(graded, path):
    course, outcomes = graded
    assert all(outcome.ok for outcome in outcomes.values()), outcomes
    for task in tasks(nbformat.read(path, as_version=4)):
        scores = {
            student: gradebook.scores(course.db_url, course.assignment, student)[path.stem][
                task.test_id
            ]
            for student in ("reference", "stub")
        }
        assert scores == {"reference": (task.points, task.points), "stub": (0, task.points)}, (
            f"{path.name}, {task.id}: {scores}; notes: "
            f"{[note for outcome in outcomes.values() for note in outcome.notes]}"
        )
