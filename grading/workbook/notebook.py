"""Read the tasks of a workbook notebook from its nbgrader metadata.

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

from dataclasses import dataclass
from pathlib import Path

from workbook.course import NOT_RELEASED
from workbook.paths import NOTEBOOKS_DIR

TEST_SUFFIX = "_tests"
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
