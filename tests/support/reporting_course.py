"""A small real course for the grader's outputs: graded once per test process.

Built from ``notebooks/00_orientation.ipynb`` through nbgrader (generate, submit, autograde).
Candidates:

- ``reference``: the model answers; ``stub``: handed in untouched;
- ``partial``: one answer fails a hidden test; adds a hostile markdown cell of its own;
- ``tampered``: model answers, but edits a locked test cell, raises a test cell's points,
  deletes the prose question and adds a graded cell of its own;
- ``twin_a`` / ``twin_b``: the same unusual answers, renamed and re-commented (one comment
  tries to break out of the report's HTML).

``grading_notes.json`` gets ``NOTES``.
"""

import copy
import json
from dataclasses import dataclass

import nbformat
from workbook.course import Course
from workbook.notebook import nbgrader
from workbook.paths import NOTEBOOKS_DIR

SOURCE = NOTEBOOKS_DIR / "00_orientation.ipynb"
NOTEBOOK = SOURCE.stem
COUNT = "orientation_public_audio_count"
TOP = "orientation_top_creators"
PROSE = "orientation_explain_count"
HONEST = ("reference", "stub", "partial")
TAMPERED = "tampered"
TWINS = ("twin_a", "twin_b")
STUDENTS = (*HONEST, TAMPERED, *TWINS)

PARTIAL_TOP = """from catalog.models import Creator
from django.db.models import Sum


def top_creators(n):
    ranked = Creator.objects.annotate(total=Sum("contents__plays")).order_by("-total", "name")
    return list(ranked.values_list("name", flat=True)[: max(n, 3)])
"""

TWIN_A = {
    COUNT: """from catalog.models import Audio
from django.db.models import Count


def public_audio_count():
    # only what listeners can see
    visible = Audio.objects.filter(is_public__exact=True)
    summary = visible.aggregate(how_many=Count("pk"))
    return summary["how_many"]
""",
    TOP: """from catalog.models import Creator
from django.db.models import Sum
from django.db.models.functions import Coalesce


def top_creators(n):
    # </pre><script>alert("twin")</script>
    rows = (
        Creator.objects.values("name")
        .annotate(plays_total=Coalesce(Sum("contents__plays"), 0))
        .order_by("-plays_total", "name")
    )
    names = [row["name"] for row in rows[:n]]
    return names
""",
}

TWIN_B = {
    COUNT: """from catalog.models import Audio
from django.db.models import Count

def public_audio_count():
    shown = Audio.objects.filter(is_public__exact=True)   # public ones
    result = shown.aggregate(how_many=Count("pk"))
    return result["how_many"]
""",
    TOP: """from catalog.models import Creator
from django.db.models import Sum
from django.db.models.functions import Coalesce

def top_creators(k):
    # sum the plays per creator, biggest first
    q = Creator.objects.values("name").annotate(
        plays_total=Coalesce(Sum("contents__plays"), 0)).order_by("-plays_total", "name")
    out = [r["name"] for r in q[:k]]
    return out
""",
}

PROSE_ANSWERS = {
    "reference": "count() asks the database for SELECT COUNT(*) and loads nothing; len() "
    "evaluates the queryset, so it wins when the rows are needed anyway: they are cached.",
    "partial": "I would use len when I loop over the results afterwards, because the queryset "
    "cache then holds them already and counting costs no second query.",
    "twin_a": "Use len(queryset) only if you will iterate over the objects anyway, since the "
    "queryset gets evaluated once and its result cache is reused; count() otherwise, as it "
    "runs a COUNT query in the database without fetching any rows at all.",
    "twin_b": "Use len(qs) only if you will iterate over the objects anyway, since the "
    "queryset gets evaluated once and its result cache is reused. Otherwise count(), as it "
    "runs a COUNT query in the database without fetching any rows.",
}
HOSTILE_MARKDOWN = '<script>alert("feedback")</script><img src=x onerror="alert(1)"> Done!'
NOTES = {
    "partial": [{"notebook": NOTEBOOK, "note": "Cell timed out <img src=x onerror=alert(2)>"}],
    "stub": [{"notebook": NOTEBOOK, "note": "Nothing answered."}],
}
EDITED_TEST = 'print("Task 1: visible tests passed.")\n'


def read(path):
    return nbformat.read(path, as_version=4)


def cell(notebook, grade_id):
    (found,) = [c for c in notebook.cells if nbgrader(c).get("grade_id") == grade_id]
    return found


def answered(release, source, **answers):
    """Return the release with the model answers, or ``answers`` by task id, filled in."""
    notebook = copy.deepcopy(release)
    for task_id in (COUNT, TOP):
        model = "\n".join(
            line for line in cell(source, task_id).source.splitlines() if "SOLUTION" not in line
        )
        cell(notebook, task_id).source = answers.get(task_id, model)
    return notebook


def with_prose(notebook, student):
    """Return ``notebook`` with ``student``'s answer to the prose question, if any."""
    notebook = copy.deepcopy(notebook)
    if student in PROSE_ANSWERS:
        (answer,) = [c for c in notebook.cells if c.id == f"{PROSE}_answer"]
        answer.source = PROSE_ANSWERS[student]
    return notebook


def with_markdown(notebook):
    """Return ``notebook`` with a hostile markdown cell of the candidate's own at the end."""
    notebook = copy.deepcopy(notebook)
    notebook.cells.append(nbformat.v4.new_markdown_cell(HOSTILE_MARKDOWN, id="my-notes"))
    return notebook


def tampered(release, source):
    notebook = answered(release, source)
    cell(notebook, f"{COUNT}_tests").source = EDITED_TEST
    nbgrader(cell(notebook, f"{TOP}_tests"))["points"] = 30
    notebook.cells.remove(cell(notebook, PROSE))
    return notebook


def with_bonus_cell(notebook):
    """Return ``notebook`` plus a graded cell of the candidate's own, worth 10 points."""
    notebook = copy.deepcopy(notebook)
    bonus = nbformat.v4.new_code_cell("print('bonus')", id="bonus")
    bonus.metadata["nbgrader"] = {
        "grade": True,
        "grade_id": "bonus_points",
        "locked": False,
        "points": 10,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    notebook.cells.append(bonus)
    return notebook


@dataclass
class GradedCourse:
    course: Course
    source: nbformat.NotebookNode
    release: nbformat.NotebookNode

    @property
    def root(self):
        return self.course.root


def build(tmp_path_factory):
    """Generate, submit and autograde the course and return it."""
    course = Course(tmp_path_factory.mktemp("reporting"))
    course.add_sources([SOURCE])
    (release_path,) = course.generate()
    source, release = read(SOURCE), read(release_path)
    submissions = {
        "reference": answered(release, source),
        "stub": release,
        "partial": with_markdown(answered(release, source, **{TOP: PARTIAL_TOP})),
        TAMPERED: tampered(release, source),
        "twin_a": answered(release, source, **TWIN_A),
        "twin_b": answered(release, source, **TWIN_B),
    }
    submissions = {student: with_prose(nb, student) for student, nb in submissions.items()}
    for student, notebook in submissions.items():
        course.submit(student, {release_path.name: notebook})
        course.autograde(student)
    # nbgrader 0.9.6 stops autograde with a KeyError on a graded cell it does not know while
    # OverwriteCells.add_missing_cells is on, so the added cell joins after grading.
    course.submit(TAMPERED, {release_path.name: with_bonus_cell(submissions[TAMPERED])})
    notes_path = course.root / "grading_notes.json"
    notes = json.loads(notes_path.read_text()) if notes_path.exists() else {}
    for student, entries in NOTES.items():
        notes.setdefault(student, []).extend(entries)
    notes_path.write_text(json.dumps(notes))
    return GradedCourse(course, source, release)
