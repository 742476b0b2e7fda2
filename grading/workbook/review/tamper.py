"""Find submissions that changed what the candidate was given to leave alone.

The reference is the gradebook, not the submitted file: ``nbgrader generate_assignment`` records
every graded, solution, task and locked cell there (``SourceCell``, ``GradeCell``, ...). The
recorded source still holds the hidden tests and mark schemes (nbgrader saves cells before it
clears them), so the cell the candidate received is rebuilt by clearing those regions again, and
both cells are compared with nbgrader's own ``compute_checksum`` (source, cell type, the
grade/solution/locked flags, ``grade_id`` and points).

nbgrader's autograde already restores locked cells and points from the gradebook, so tampering
gains nothing; these findings tell the grader who tried.
"""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme

#: Kinds of finding. ``TAMPERING`` kinds are what a grader must look at; the others are
#: harmless slips worth knowing about (a reformatted cell, a copy-pasted answer cell).
EDITED = "edited"
DELETED = "deleted"
METADATA = "metadata"
ADDED = "added"
UNREADABLE = "unreadable"
REFORMATTED = "reformatted"
DUPLICATED = "duplicated"
MISSING_ANSWER = "missing answer"
NOT_SUBMITTED = "not submitted"
TAMPERING = frozenset({EDITED, DELETED, METADATA, ADDED, UNREADABLE})


@dataclass(frozen=True)
class Finding:
    student: str
    notebook: str
    cell: str
    kind: str
    detail: str

    @property
    def is_tampering(self):
        return self.kind in TAMPERING


@dataclass(frozen=True)
class ExpectedCell:
    """One nbgrader cell as the candidate received it, rebuilt from the gradebook."""

    grade_id: str
    cell_type: str
    source: str
    locked: bool
    grade: bool
    solution: bool
    task: bool
    points: float | None

    def as_cell(self):
        """Return the cell as a notebook cell, for ``compute_checksum``."""
        meta = {
            "grade_id": self.grade_id,
            "grade": self.grade,
            "solution": self.solution,
            "locked": self.locked,
            "task": self.task,
        }
        if self.points is not None:
            meta["points"] = self.points
        return from_dict(
            {"cell_type": self.cell_type, "source": self.source, "metadata": {"nbgrader": meta}}
        )

    @property
    def checksum(self):
        return utils.compute_checksum(self.as_cell())

    @property
    def protected(self):
        """Whether the candidate must leave this cell as it is (everything but answers)."""
        return not self.solution


def released_source(source, config=None):
    """Return ``source`` without hidden tests and mark scheme, as the candidate received it."""
    cell = from_dict({"cell_type": "code", "source": source or "", "metadata": {}})
    try:
        ClearHiddenTests(config=config)._remove_hidden_test_region(cell)
        ClearMarkScheme(config=config)._remove_mark_scheme_region(cell)
    except RuntimeError:  # an unbalanced region in the instructor's cell: compare all of it
        return source or ""
    return cell.source


def expected_cells(gradebook, notebook, assignment, config=None):
    """Return ``{grade_id: ExpectedCell}`` for one notebook of the assignment."""
    record = gradebook.find_notebook(notebook, assignment)
    graded = {cell.name: cell.max_score for cell in record.grade_cells}
    tasks = {cell.name: cell.max_score for cell in record.task_cells}
    solutions = {cell.name for cell in record.solution_cells}
    cells = {}
    for source_cell in record.source_cells:
        name = source_cell.name
        points = graded.get(name, tasks.get(name))
        cells[name] = ExpectedCell(
            grade_id=name,
            cell_type=source_cell.cell_type,
            source=released_source(source_cell.source, config),
            locked=bool(source_cell.locked),
            grade=name in graded,
            solution=name in solutions,
            task=name in tasks,
            points=None if points is None else float(points),
        )
    return cells


def _submitted_cells(notebook):
    """Yield ``(grade_id, cell)`` for the submitted cells that carry nbgrader metadata."""
    for cell in notebook.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader")
        if isinstance(meta, dict) and meta.get("grade_id") is not None:
            yield str(meta["grade_id"]), cell


def _is_graded(cell):
    return bool(utils.is_grade(cell) or utils.is_solution(cell) or utils.is_task(cell))


def _squash(text):
    return "".join(text.split())


def _describe_metadata(expected, cell):
    """Name the nbgrader attributes the candidate changed, in words."""
    changes = []
    if cell.cell_type != expected.cell_type:
        changes.append(f"cell type {expected.cell_type} → {cell.cell_type}")
    for flag, now in (
        ("grade", utils.is_grade(cell)),
        ("solution", utils.is_solution(cell)),
        ("locked", utils.is_locked(cell)),
    ):
        was = getattr(expected, flag)
        if bool(now) != was:
            changes.append(f"{flag} {was} → {bool(now)}")
    if utils.is_grade(cell) and expected.points is not None:
        points = cell.metadata.nbgrader.get("points")
        try:
            changed = float(points) != expected.points
        except (TypeError, ValueError):
            changed = True
        if changed:
            changes.append(f"points {expected.points:g} → {points}")
    return ", ".join(changes) or "nbgrader metadata changed"


def notebook_findings(student, notebook_name, notebook, expected):
    """Return the findings for one submitted notebook against its ``expected`` cells."""
    findings = []

    def add(cell, kind, detail):
        findings.append(Finding(student, notebook_name, cell, kind, detail))

    seen = Counter()
    for grade_id, cell in _submitted_cells(notebook):
        seen[grade_id] += 1
        want = expected.get(grade_id)
        if want is None:
            if _is_graded(cell) or utils.is_locked(cell):
                add(grade_id, ADDED, "a graded cell that the released notebook does not have")
            continue
        if seen[grade_id] > 1:
            add(grade_id, DUPLICATED, f"this cell appears {seen[grade_id]} times (copy-paste?)")
            continue
        try:
            checksum = utils.compute_checksum(cell)
            flags_same = (
                cell.cell_type == want.cell_type
                and bool(utils.is_grade(cell)) == want.grade
                and bool(utils.is_solution(cell)) == want.solution
                and bool(utils.is_locked(cell)) == want.locked
                and (not want.grade or float(cell.metadata.nbgrader["points"]) == want.points)
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            add(grade_id, METADATA, "the nbgrader metadata of this cell is malformed")
            continue
        if want.task and cell.metadata.nbgrader.get("points") is not None:
            try:
                flags_same = flags_same and float(cell.metadata.nbgrader["points"]) == want.points
            except (TypeError, ValueError):
                flags_same = False
        if not flags_same:
            add(grade_id, METADATA, _describe_metadata(want, cell))
        if not want.protected or checksum == want.checksum:
            continue
        if cell.source == want.source:
            continue  # the checksum differs through the metadata, reported above
        if _squash(cell.source) == _squash(want.source):
            add(grade_id, REFORMATTED, "whitespace changed only (harmless)")
        else:
            add(grade_id, EDITED, "the locked cell's source was changed")
    for grade_id, want in expected.items():
        if seen[grade_id]:
            continue
        if want.protected:
            add(grade_id, DELETED, "this locked cell is missing from the submission")
        else:
            add(grade_id, MISSING_ANSWER, "the answer cell is missing from the submission")
    return findings


def submitted_notebook(course, student, notebook):
    """Return the path of ``student``'s submitted ``notebook`` (name without ``.ipynb``)."""
    return course.folder("submitted", student) / f"{notebook}.ipynb"


def find_tampering(course, students=None):
    """Return the findings for every submission in ``course`` (or only ``students``)."""
    findings = []
    with Gradebook(course.db_url, course.config.CourseDirectory.course_id) as gradebook:
        try:
            assignment = gradebook.find_assignment(course.assignment)
        except MissingEntry:
            return []
        names = sorted(notebook.name for notebook in assignment.notebooks)
        expected = {
            name: expected_cells(gradebook, name, course.assignment, course.config)
            for name in names
        }
    for student in course.students() if students is None else students:
        for name in names:
            path = submitted_notebook(course, student, name)
            if not path.exists():
                findings.append(Finding(student, name, "", NOT_SUBMITTED, "no such notebook"))
                continue
            notebook = read_notebook(path)
            if notebook is None:
                findings.append(
                    Finding(student, name, "", UNREADABLE, "the file is not a readable notebook")
                )
                continue
            findings.extend(notebook_findings(student, name, notebook, expected[name]))
    return findings


def read_notebook(path):
    """Return the notebook at ``path``, or ``None`` when it cannot be read as one."""
    try:
        notebook = nbformat.read(Path(path), as_version=4)
    except Exception:  # hostile or broken files: any parse error means unreadable
        return None
    if not isinstance(notebook, NotebookNode) or not isinstance(notebook.get("cells"), list):
        return None
    return notebook
