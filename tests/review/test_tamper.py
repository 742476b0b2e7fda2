"""Tampering: submitted cells compared with the gradebook's record of the released notebook."""

import copy

import nbformat
import pytest
from nbgrader.api import Gradebook
from reporting_course import (
    COUNT,
    NOTEBOOK,
    PROSE,
    SOURCE,
    TAMPERED,
    TOP,
    answered,
    cell,
    read,
    with_bonus_cell,
)
from workbook.review import tamper

pytestmark = pytest.mark.xdist_group("grader-outputs")


@pytest.fixture(scope="module")
def expected(graded):
    course = graded.course
    with Gradebook(course.db_url) as gradebook:
        return tamper.expected_cells(gradebook, NOTEBOOK, course.assignment, course.config)


def kinds(notebook, expected):
    return sorted(
        (f.kind, f.cell) for f in tamper.notebook_findings("someone", NOTEBOOK, notebook, expected)
    )


def test_expected_cells_are_what_the_candidate_received(graded, expected):
    for grade_id, want in expected.items():
        assert want.source == cell(graded.release, grade_id).source, grade_id
        assert want.checksum == cell(graded.release, grade_id).metadata.nbgrader.checksum


def test_released_source_drops_hidden_tests_and_mark_schemes():
    source = cell(read(SOURCE), f"{COUNT}_tests").source
    assert "Hidden public" in source
    assert "Hidden public" not in tamper.released_source(source)
    prose = cell(read(SOURCE), PROSE).source
    assert "MARK SCHEME" not in tamper.released_source(prose)


def test_untouched_release_is_clean(graded, expected):
    assert kinds(graded.release, expected) == []


def test_answered_release_is_clean(graded, expected):
    assert kinds(answered(graded.release, graded.source), expected) == []


def _edit(grade_id, text):
    def change(notebook):
        cell(notebook, grade_id).source = text

    return change


def _delete(grade_id):
    def change(notebook):
        notebook.cells.remove(cell(notebook, grade_id))

    return change


def _meta(grade_id, **values):
    def change(notebook):
        cell(notebook, grade_id).metadata.nbgrader.update(values)

    return change


def _to_markdown(grade_id):
    def change(notebook):
        old = cell(notebook, grade_id)
        new = nbformat.v4.new_markdown_cell(old.source, id=old.id, metadata=old.metadata)
        notebook.cells[notebook.cells.index(old)] = new

    return change


def _duplicate(grade_id):
    def change(notebook):
        notebook.cells.append(copy.deepcopy(cell(notebook, grade_id)))

    return change


def _reformat(grade_id):
    def change(notebook):
        cell(notebook, grade_id).source += "\n\n"

    return change


CHANGES = {
    "edit test cell": (_edit(f"{COUNT}_tests", "pass"), [("edited", f"{COUNT}_tests")]),
    "edit boot cell": (_edit("boot", "sandbox = None"), [("edited", "boot")]),
    "delete test cell": (_delete(f"{TOP}_tests"), [("deleted", f"{TOP}_tests")]),
    "delete prose task": (_delete(PROSE), [("deleted", PROSE)]),
    "raise points": (_meta(f"{TOP}_tests", points=30), [("metadata", f"{TOP}_tests")]),
    "raise task points": (_meta(PROSE, points=9), [("metadata", PROSE)]),
    "unlock test cell": (
        _meta(f"{COUNT}_tests", grade=False, locked=False, solution=True),
        [("metadata", f"{COUNT}_tests")],
    ),
    "make answer graded": (_meta(COUNT, grade=True, points=50), [("metadata", COUNT)]),
    "test cell as markdown": (_to_markdown(f"{COUNT}_tests"), [("metadata", f"{COUNT}_tests")]),
    "malformed points": (_meta(f"{TOP}_tests", points="lots"), [("metadata", f"{TOP}_tests")]),
    "add graded cell": (with_bonus_cell, [("added", "bonus_points")]),
    "delete answer cell": (_delete(COUNT), [("missing answer", COUNT)]),
    "duplicate answer": (_duplicate(TOP), [("duplicated", TOP)]),
    "reformat test cell": (_reformat(f"{TOP}_tests"), [("reformatted", f"{TOP}_tests")]),
}


@pytest.mark.parametrize("name", CHANGES)
def test_each_change_is_named(graded, expected, name):
    change, found = CHANGES[name]
    notebook = answered(graded.release, graded.source)
    result = change(notebook)
    notebook = result if result is not None else notebook
    assert kinds(notebook, expected) == found


@pytest.mark.parametrize(
    ("name", "serious"),
    [("edit test cell", True), ("add graded cell", True), ("reformat test cell", False)],
)
def test_harmless_changes_are_not_tampering(graded, expected, name, serious):
    change, _ = CHANGES[name]
    notebook = answered(graded.release, graded.source)
    notebook = change(notebook) or notebook
    findings = tamper.notebook_findings("x", NOTEBOOK, notebook, expected)
    assert [f.is_tampering for f in findings] == [serious]


def test_handing_in_the_instructor_version_is_flagged(graded, expected):
    found = {kind for kind, _ in kinds(graded.source, expected)}
    assert found == {"edited"}


def test_unreadable_notebook_is_reported(tmp_path):
    path = tmp_path / "broken.ipynb"
    path.write_text("{not json")
    assert tamper.read_notebook(path) is None
    path.write_text('{"cells": "nope"}')
    assert tamper.read_notebook(path) is None


def test_course_findings_name_only_the_tampered_candidate(graded):
    findings = tamper.find_tampering(graded.course)
    assert {f.student for f in findings if f.is_tampering} == {TAMPERED}
    assert sorted((f.kind, f.cell) for f in findings if f.student == TAMPERED) == [
        ("added", "bonus_points"),
        ("deleted", PROSE),
        ("edited", f"{COUNT}_tests"),
        ("metadata", f"{TOP}_tests"),
    ]
