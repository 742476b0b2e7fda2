"""What a workbook notebook is made of, read from its nbgrader metadata.

The locked boot cell (``boot_cell``, ``boot_arguments``), the notebooks' kernel (``KERNEL_NAME``),
the markers of instructor-only text (``INSTRUCTOR_MARKERS``), tasks and prose questions.

A task is one autograded solution cell whose ``grade_id`` is the task's id, followed by its
locked test cell ``<id>_tests`` that carries the points. A prose question is a manually graded
task cell (``task: true``) holding the question and, between ``BEGIN MARK SCHEME`` and
``END MARK SCHEME``, the grader's rubric.

Answer fixtures for task ``<id>`` replace its solution cell's source, one file each:

- ``notebooks/wrong_answers/<id>/*.py``: classic mistakes, each must score less than full;
- ``notebooks/requirement_answers/<id>/<requirement>.py``: one per requirement the task's
  text states, each correct but for ignoring that one requirement: each must score less;
- ``notebooks/alternative_answers/<id>/*.py``: other correct approaches, each must score full.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from workbench.kernelspec import KERNEL_NAME  # noqa: F401 (the notebooks' kernel, owned there)

from workbook.paths import NOTEBOOKS_DIR

# Folders of a source folder that stay with the instructor: the answer fixtures.
NOT_RELEASED = ("wrong_answers", "requirement_answers", "alternative_answers")
TEST_SUFFIX = "_tests"
ANSWER_SUFFIX = "_answer"  # a prose task ``<id>`` is answered in the markdown cell ``<id>_answer``
# What a prose answer cell holds before anyone writes in it (ours, and nbgrader's text stub).
UNANSWERED = {"", "YOUR ANSWER HERE", "_Write your answer here._"}
# nbgrader's markers of instructor-only text; none may reach a candidate.
INSTRUCTOR_MARKERS = (
    "BEGIN SOLUTION",
    "END SOLUTION",
    "BEGIN HIDDEN TESTS",
    "END HIDDEN TESTS",
    "BEGIN MARK SCHEME",
    "END MARK SCHEME",
)
WRONG_ANSWERS_DIR, REQUIREMENT_ANSWERS_DIR, ALTERNATIVE_ANSWERS_DIR = (
    NOTEBOOKS_DIR / name for name in NOT_RELEASED
)


@dataclass(frozen=True)
class Task:
    id: str
    solution_index: int
    test_index: int
    points: float

    @property
    def test_id(self):
        return self.id + TEST_SUFFIX

    def answers(self, folder):
        """Return this task's answer fixtures in ``folder`` (one of the three above)."""
        return sorted((Path(folder) / self.id).glob("*.py"))


def nbgrader(cell):
    """Return a cell's nbgrader metadata ({} for ordinary cells)."""
    return cell.get("metadata", {}).get("nbgrader", {})


def tasks(notebook):
    """Return the autograded tasks of ``notebook``, in order.

    Raises ``ValueError`` naming the cell when a solution cell has no test cell after it.
    """
    test_cells = {
        nbgrader(cell).get("grade_id"): index
        for index, cell in enumerate(notebook.cells)
        if nbgrader(cell).get("grade") and not nbgrader(cell).get("solution")
    }
    found = []
    for index, cell in enumerate(notebook.cells):
        meta = nbgrader(cell)
        if cell.cell_type != "code" or not meta.get("solution") or meta.get("grade"):
            continue
        task_id = meta["grade_id"]
        test_index = test_cells.get(task_id + TEST_SUFFIX)
        if test_index is None or test_index < index:
            raise ValueError(
                f"Solution cell {task_id!r} has no test cell {task_id + TEST_SUFFIX!r} after it."
            )
        points = nbgrader(notebook.cells[test_index]).get("points", 0)
        found.append(Task(task_id, index, test_index, points))
    return found


def prose_tasks(notebook):
    """Return ``(grade_id, points)`` of the manually graded task cells."""
    return [
        (nbgrader(cell)["grade_id"], nbgrader(cell).get("points", 0))
        for cell in notebook.cells
        if nbgrader(cell).get("task")
    ]


def prose_answer(notebook, grade_id):
    """Return the answer cell of prose task ``grade_id``: the markdown cell ``<id>_answer``, else
    the cell right after the task cell; ``None`` when there is neither."""
    cells = notebook.cells
    by_id = {cell.get("id"): cell for cell in cells}
    if grade_id + ANSWER_SUFFIX in by_id:
        return by_id[grade_id + ANSWER_SUFFIX]
    for index, cell in enumerate(cells[:-1]):
        if nbgrader(cell).get("grade_id") == grade_id:
            return cells[index + 1]
    return None


def is_answered(cell, stub=None):
    """Return whether a prose answer ``cell`` holds an answer: text other than the placeholder
    (or than ``stub``, the cell's source in the candidate version, when known)."""
    text = cell.source.strip() if cell is not None else ""
    if stub is not None:
        return text != stub.strip() and text not in UNANSWERED
    return text not in UNANSWERED


def instructor_markers(text):
    """Return the instructor-only markers found in ``text`` (an empty list for candidate text)."""
    return [marker for marker in INSTRUCTOR_MARKERS if marker in text]


def boot_cell(notebook):
    """Return the notebook's locked boot cell (the one that calls ``boot(``), or ``None``."""
    for cell in notebook.cells:
        meta = nbgrader(cell)
        locked = meta.get("locked") and not meta.get("grade")
        if cell.cell_type == "code" and locked and "boot(" in cell.source:
            return cell
    return None


def boot_arguments(notebook):
    """Return the ``(size, seed)`` the notebook's boot cell asks for (``("small", 0)`` if none)."""
    cell = boot_cell(notebook)
    match = re.search(r"\bboot\((.*?)\)", cell.source) if cell else None
    if match:
        try:
            call = ast.parse(f"f({match.group(1)})", mode="eval").body
            values = [ast.literal_eval(arg) for arg in call.args]
            keywords = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
        except (SyntaxError, ValueError):
            return "small", 0
        size = keywords.get("size", values[0] if values else "small")
        seed = keywords.get("seed", values[1] if len(values) > 1 else 0)
        return size, seed
    return "small", 0
