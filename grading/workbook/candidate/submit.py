"""``workbook submit``: pack the one zip a candidate sends, from their workspace.

It takes the workbook's notebooks at the top of the workspace and nothing else: no backups
(``.backups/``), no side-by-side updates (``*.updated.ipynb``), no checkpoints, and no notebook
still identical to the version the person started from (those are named, not packed). It runs
no code: it reads each notebook and counts the tasks whose answer cell still raises
``NotImplementedError`` and the explain-it answers left blank. The zip is
``<workspace's parent>/submission/<candidate id>.zip``; ``workbook collect`` takes the candidate
id from that file name.
"""

import getpass
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from workbook.candidate import hints
from workbook.candidate.workspace import Workspace, find_workspace
from workbook.errors import CommandError
from workbook.notebook import is_answered, nbgrader, prose_answer, prose_tasks, tasks
from workbook.pipeline.collect import MAX_NOTEBOOK_BYTES, candidate_id

STUB = "raise NotImplementedError()"


@dataclass
class Packed:
    """One notebook put in the zip, with what is still to do in it."""

    name: str
    tasks: int
    open_tasks: list[str] = field(default_factory=list)  # titles of tasks not answered
    prose: int = 0
    blank_prose: list[str] = field(default_factory=list)  # titles of blank explain-it answers
    problem: str | None = None  # why its tasks could not be counted

    @property
    def nothing_done(self):
        counted = self.problem is None
        return counted and (len(self.open_tasks), len(self.blank_prose)) == (self.tasks, self.prose)


@dataclass
class Submission:
    zip_path: Path
    candidate: str
    packed: list[Packed]
    untouched: list[str]  # notebooks left out: the same as when the person got them
    others: list[str]  # notebooks left out: not the workbook's


def _read(path):
    if path.stat().st_size > MAX_NOTEBOOK_BYTES:
        raise CommandError(
            f"{path} is larger than {MAX_NOTEBOOK_BYTES // 2**20} MB, more than the graders "
            "import: clear its outputs (Edit > Clear Outputs of All Cells), save, and run "
            "`workbook submit` again."
        )
    try:
        return nbformat.read(path, as_version=4)
    except Exception as error:  # JSON, encoding or schema: all mean "not a notebook"
        summary = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise CommandError(
            f"{path} is not a readable notebook ({summary}): open it in JupyterLab and save it "
            "again, or restore it with `workbook reset`; nothing was packed."
        ) from error


def _stub(pristine, name):
    """Return the candidate version of notebook ``name``, or ``None`` when it is unknown."""
    path = pristine / name if pristine else None
    return nbformat.read(path, as_version=4) if path and path.is_file() else None


def _pack(name, notebook, stub):
    """Return what is still to do in ``notebook``: open tasks and blank explain-it answers."""
    try:
        found = tasks(notebook)
    except ValueError as error:  # a locked test cell was deleted: graders will see it too
        return Packed(name, 0, problem=f"{error} Put that locked test cell back: grading needs it.")
    entry = Packed(name, len(found))
    entry.open_tasks = [
        hints.title(notebook, task, found)
        for task in found
        if STUB in notebook.cells[task.solution_index].source
    ]
    stubs = {cell.get("id"): cell.source for cell in stub.cells} if stub else {}
    for grade_id, _points in prose_tasks(notebook):
        entry.prose += 1
        answer = prose_answer(notebook, grade_id)
        if not (answer is not None and is_answered(answer, stubs.get(answer.get("id")))):
            question = next(c for c in notebook.cells if nbgrader(c).get("grade_id") == grade_id)
            headings = hints.HEADING.findall(question.source)
            entry.blank_prose.append(headings[0] if headings else grade_id)
    return entry


def _is_workbook_notebook(notebook):
    return any(nbgrader(cell).get("grade_id") for cell in notebook.cells)


def default_candidate():
    """Return the candidate id to use when none is given: the person's login name."""
    try:
        return candidate_id(getpass.getuser())
    except (KeyError, OSError):  # no name for this user id (e.g. in a bare container)
        return ""


def submit(workspace=None, name=None):
    """Pack the workspace's answered notebooks into ``submission/<id>.zip``; return it."""
    space = Workspace(workspace or find_workspace())
    candidate = candidate_id(name) if name is not None else default_candidate()
    if not candidate:
        raise CommandError(
            "no usable candidate id: run `workbook submit --name your-name` "
            "(letters, digits and dashes)."
        )
    paths = space.notebooks()
    if not paths:
        raise CommandError(
            f"no notebooks in {space.folder}: run `make lab` (or `workbook lab`) once, or pass "
            "--workspace with the folder that holds your notebooks."
        )
    packed, untouched, others = [], [], []
    for path in paths:
        notebook = _read(path)
        stub = _stub(space.pristine, path.name)
        if (space.pristine and stub is None) or not _is_workbook_notebook(notebook):
            others.append(path.name)
            continue
        entry = _pack(path.name, notebook, stub)
        if space.untouched(path) or (stub is None and entry.nothing_done):
            untouched.append(path.name)
        else:
            packed.append((path, entry))
    if not packed:
        raise CommandError(
            f"nothing to send yet: every notebook in {space.folder} is as you got it. Answer "
            "some tasks, save (Ctrl+S), and run `workbook submit` again."
        )
    target = space.folder.parent / "submission" / f"{candidate}.zip"
    _write_zip(target, candidate, [path for path, _ in packed])
    return Submission(target, candidate, [entry for _, entry in packed], untouched, others)


def _write_zip(target, candidate, paths):
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            archive.write(path, f"{candidate}/{path.name}")
    os.replace(partial, target)


def _plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


def describe(submission):
    """Return the lines ``workbook submit`` prints."""
    lines = [f"Packed {_plural(len(submission.packed), 'notebook')}:"]
    width = max(len(entry.name) for entry in submission.packed)
    warnings = []
    for entry in submission.packed:
        answered = entry.tasks - len(entry.open_tasks)
        written = entry.prose - len(entry.blank_prose)
        counts = (
            f"{answered} of {_plural(entry.tasks, 'task')} answered, "
            f"{written} of {entry.prose} explain-it answers written"
        )
        lines.append(f"  {entry.name:<{width}}  {entry.problem or counts}")
        todo = [*entry.open_tasks, *entry.blank_prose]
        if todo:
            warnings.append(f"  {entry.name}: {'; '.join(todo)}")
    if submission.untouched:
        lines.append(
            "Left out, unchanged since you got them (they would score 0): "
            + ", ".join(submission.untouched)
        )
    if submission.others:
        lines.append("Left out, not notebooks of this workbook: " + ", ".join(submission.others))
    if warnings:
        lines.append(
            "Warning: these still raise NotImplementedError or have a blank explain-it answer; "
            "they score 0 as they are:"
        )
        lines.extend(warnings)
    lines += [
        "",
        f"Send this one file: {submission.zip_path}",
        f"Its name, {submission.candidate}, is your candidate id. To use another, run "
        "`workbook submit --name your-name` (it writes a zip of that name).",
    ]
    return lines


def run(args):
    submission = submit(args.workspace, args.name)
    print("\n".join(describe(submission)))
    return 0
