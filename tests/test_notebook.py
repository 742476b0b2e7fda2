"""What a workbook notebook is made of: the boot cell, prose answers, instructor markers."""

import nbformat
import pytest
from workbook.notebook import (
    boot_arguments,
    boot_cell,
    instructor_markers,
    is_answered,
    prose_answer,
)

LOCKED = {"nbgrader": {"locked": True, "grade": False, "solution": False, "grade_id": "boot"}}


def notebook(*cells):
    return nbformat.v4.new_notebook(cells=list(cells))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("sandbox = boot()", ("small", 0)),
        ("sandbox = boot('medium')", ("medium", 0)),
        ("sandbox = boot(size='large', seed=3)", ("large", 3)),
        ("sandbox = boot(size=SIZE)", ("small", 0)),
    ],
)
def test_boot_arguments(source, expected):
    cell = nbformat.v4.new_code_cell(source, metadata=LOCKED)
    assert boot_arguments(notebook(cell)) == expected


def test_only_the_locked_cell_is_the_boot_cell():
    """A candidate's own cell that calls boot() neither is the boot cell nor sets its size."""
    mine = nbformat.v4.new_code_cell("sandbox = boot('large', 9)")
    locked = nbformat.v4.new_code_cell("sandbox = boot('medium', 1)", metadata=LOCKED)
    assert boot_cell(notebook(mine)) is None
    assert boot_arguments(notebook(mine)) == ("small", 0)
    assert boot_cell(notebook(mine, locked)) is locked
    assert boot_arguments(notebook(mine, locked)) == ("medium", 1)


def test_prose_answer_is_found_by_id_then_by_position():
    question = nbformat.v4.new_markdown_cell("Why?", metadata={"nbgrader": {"grade_id": "why"}})
    named = nbformat.v4.new_markdown_cell("Because.")
    named["id"] = "why_answer"
    other = nbformat.v4.new_markdown_cell("Next.")
    assert prose_answer(notebook(question, other, named), "why") is named
    assert prose_answer(notebook(question, other), "why") is other
    assert prose_answer(notebook(question), "why") is None


@pytest.mark.parametrize(
    ("text", "stub", "answered"),
    [
        ("_Write your answer here._", None, False),
        ("  YOUR ANSWER HERE \n", None, False),
        ("", None, False),
        ("Sessions live server-side.", None, True),
        ("Tell us why.", "Tell us why.", False),
        ("Tell us why. Because.", "Tell us why.", True),
    ],
)
def test_is_answered(text, stub, answered):
    assert is_answered(nbformat.v4.new_markdown_cell(text), stub) is answered


def test_instructor_markers_are_found():
    assert instructor_markers("x = 1\n### BEGIN SOLUTION\n") == ["BEGIN SOLUTION"]
    assert instructor_markers("=== BEGIN MARK SCHEME ===") == ["BEGIN MARK SCHEME"]
    assert instructor_markers("raise NotImplementedError()") == []
