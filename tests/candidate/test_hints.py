"""Every autograded task of every notebook has a hint in its own explanation, with no spoiler.

A new notebook joins by existing, as in tests/notebooks/test_checker.py.
"""

import re

import nbformat
import pytest
from workbook.candidate.hints import hint, title
from workbook.notebook import tasks
from workbook.paths import NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


def solution_lines(source):
    """Return the complete, substantial statements of a cell's reference solution.

    A line that only opens a call (``transaction.on_commit(``) names an API, which a hint may
    do; a whole statement copied into the hint gives the answer away.
    """
    region = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", source, re.S)
    lines = [line.strip() for line in (region.group(1).splitlines() if region else [])]
    return [line for line in lines if len(line) > 20 and _balanced(line)]


def _balanced(line):
    return all(line.count(a) == line.count(b) for a, b in ("()", "[]", "{}"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_task_has_a_hint_that_does_not_give_the_answer_away(path):
    notebook = nbformat.read(path, as_version=4)
    found = tasks(notebook)
    for task in found:
        text = hint(notebook, task, found)
        assert text, (
            f"{path.name}: task {task.id} has no hint. Add "
            "<details><summary>Hint</summary>...</details> to the markdown cell that explains it "
            "(between the previous task's test cell and its answer cell)."
        )
        spoilers = [
            line
            for line in solution_lines(notebook.cells[task.solution_index].source)
            if line in text
        ]
        assert not spoilers, f"{path.name}: the hint of {task.id} gives the answer away: {spoilers}"
        assert title(notebook, task, found) != task.id, (
            f"{path.name}: task {task.id} needs a markdown heading (e.g. '## Task 1 · ...')."
        )
