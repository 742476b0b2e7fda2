"""The notebook checker: every notebook in ``notebooks/`` is proven by these same tests.

For each notebook: it is clean source; nbgrader turns it into a candidate version with no
solution, hidden test or rubric left; through a real ``nbgrader autograde`` the candidate
stubs score 0 on every test cell and the reference solutions score full marks; every task's
wrong-answer fixtures (at least two) and requirement fixtures (one per requirement its text
states) score less than full on that task, and its alternative correct answers (at least
one) score full. A new notebook joins by existing.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbgrader.utils import setenv
from workbook.course import Course
from workbook.isolation import policy
from workbook.isolation.limits import Limits
from workbook.notebook import (
    ALTERNATIVE_ANSWERS_DIR,
    INSTRUCTOR_MARKERS,
    KERNEL_NAME,
    REQUIREMENT_ANSWERS_DIR,
    WRONG_ANSWERS_DIR,
    nbgrader,
    prose_tasks,
    tasks,
)
from workbook.paths import NOTEBOOKS_DIR

from . import liars

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


def _read(path):
    return nbformat.read(path, as_version=4)


def _per_notebook(path, *values):
    """A parameter that keeps all of one notebook's tests on one xdist worker."""
    return pytest.param(
        path,
        *values,
        id="-".join([path.stem, *map(str, values)][:3]),
        marks=pytest.mark.xdist_group(path.stem),
    )


def _fixtures(folder):
    """One parameter per fixture; each runs in a kernel of its own, so any worker may take it."""
    return [
        pytest.param(path, task.id, fixture.stem, id=f"{path.stem}-{task.id}-{fixture.stem}")
        for path in NOTEBOOKS
        for task in tasks(_read(path))
        for fixture in task.answers(folder)
    ]


NOTEBOOK_PARAMS = [_per_notebook(path) for path in NOTEBOOKS]
# (folder, how many fixtures each task needs there at least, what they are)
FIXTURE_RULES = [
    (WRONG_ANSWERS_DIR, 2, "wrong-answer fixtures (classic mistakes)"),
    (REQUIREMENT_ANSWERS_DIR, 1, "requirement fixture(s), one per stated requirement"),
    (ALTERNATIVE_ANSWERS_DIR, 1, "alternative correct answer(s)"),
]


class IpcKernelManager(AsyncKernelManager):
    """A kernel reached over IPC sockets in a folder of its own: no TCP port that kernels
    started in parallel may race for ("Address already in use")."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.folder = Path(tempfile.mkdtemp(prefix="fx"))  # short: socket paths are limited
        self.transport, self.ip = "ipc", str(self.folder / "kernel")
        self.connection_file = str(self.folder / "kernel.json")

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self.folder, ignore_errors=True)


class RoundTrip:
    """One notebook taken through nbgrader: generate, then autograde every variant."""

    def __init__(self, path, root):
        self.name = path.name
        self.source = _read(path)
        self.tasks = tasks(self.source)
        self.course = Course(root)
        self.course.config.Execute.kernel_manager_class = IpcKernelManager
        self.course.add_sources([path])
        (self.release_path,) = self.course.generate()
        self.release = _read(self.release_path)
        self._graded = {}

    def scores(self, student, notebook=None):
        """Autograde ``notebook`` as ``student`` (once) and return its scores."""
        if student not in self._graded:
            self.course.submit(student, {self.name: notebook})
            self.course.autograde(student)
            self._graded[student] = self.course.scores(student, self.release_path.stem)
        return self._graded[student]

    def variant_scores(self, student, change):
        """Grade the instructor notebook with every task's solution passed through ``change``."""
        notebook = _read_copy(self.source)
        for task in self.tasks:
            cell = notebook.cells[task.solution_index]
            cell.source = change(cell.source)
        return self.scores(student, notebook)

    def fixture_score(self, task_id, folder, fixture):
        """Grade, through nbgrader, the instructor notebook with ``task_id``'s solution
        replaced by a fixture; return ``(score, max_score)`` of that task's test cell."""
        notebook = _with_fixture(self.source, task_id, folder, fixture)
        scores = self.scores(f"{folder.name}-{task_id}-{fixture}", notebook)
        return scores[_task(self.tasks, task_id).test_id]


def _task(found, task_id):
    (task,) = [task for task in found if task.id == task_id]
    return task


def _with_fixture(source, task_id, folder, fixture):
    notebook = _read_copy(source)
    task = _task(tasks(notebook), task_id)
    notebook.cells[task.solution_index].source = (folder / task_id / f"{fixture}.py").read_text()
    return notebook


def fixture_passes(path, task_id, folder, fixture):
    """Whether the task's test cell passes with its solution replaced by a fixture.

    The quick path for the hundreds of fixtures: a fresh kernel runs the instructor notebook
    from the top down to that test cell, as ``nbgrader autograde`` runs it (same kernel,
    folder, ``NBGRADER_EXECUTION``, errors allowed); the cell passes when it raises nothing,
    which is when nbgrader gives it full marks (test cells print no points).
    ``test_the_quick_path_agrees_with_nbgrader`` holds the two equal.
    """
    notebook = _with_fixture(_read(path), task_id, folder, fixture)
    task = _task(tasks(notebook), task_id)
    notebook.cells = notebook.cells[: task.test_index + 1]
    client = NotebookClient(
        notebook,
        kernel_manager_class=IpcKernelManager,  # the client owns it, and shuts it down
        kernel_name=notebook.metadata.kernelspec.name,
        timeout=Limits().timeout,
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    with setenv(NBGRADER_EXECUTION="autograde"):
        client.execute()
    outputs = notebook.cells[task.test_index].outputs
    return not any(output.output_type == "error" for output in outputs)


def _read_copy(notebook):
    return nbformat.reads(nbformat.writes(notebook), as_version=4)


@pytest.fixture(scope="session")
def round_trips(tmp_path_factory):
    cache = {}

    def get(path):
        if path not in cache:
            cache[path] = RoundTrip(path, tmp_path_factory.mktemp(path.stem))
        return cache[path]

    return get


def test_there_are_notebooks():
    assert NOTEBOOKS, f"No notebooks found in {NOTEBOOKS_DIR}."


@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_notebook_is_clean_source(path):
    notebook = _read(path)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == KERNEL_NAME, (
        f"{path.name}: use the {KERNEL_NAME} kernel."
    )
    ids = [cell.id for cell in notebook.cells]
    assert len(ids) == len(set(ids)), f"{path.name}: cell ids must be unique."
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, (
                f"{path.name}, cell {cell.id}: commit notebooks without outputs or counts."
            )


@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_tasks_are_well_formed(path):
    notebook = _read(path)
    grade_ids = [nbgrader(cell)["grade_id"] for cell in notebook.cells if nbgrader(cell)]
    assert len(grade_ids) == len(set(grade_ids)), f"{path.name}: grade_ids must be unique."
    found = tasks(notebook)  # raises if a solution cell has no test cell
    assert found, f"{path.name} has no autograded task."
    for task in found:
        assert task.points > 0, f"{path.name}: {task.test_id} carries no points."
        for folder, least, what in FIXTURE_RULES:
            assert len(task.answers(folder)) >= least, (
                f"{path.name}: task {task.id} needs at least {least} {what} in {folder / task.id}/."
            )
    for grade_id, points in prose_tasks(notebook):
        (cell,) = [c for c in notebook.cells if nbgrader(c).get("grade_id") == grade_id]
        assert points > 0 and "BEGIN MARK SCHEME" in cell.source, (
            f"{path.name}: the prose task {grade_id} needs points and a mark scheme."
        )


@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_correct_answers_pass_the_static_policy(path):
    """The grader withholds answers that reach for the interpreter; no correct one may."""
    notebook = _read(path)
    answers = {}
    for task in tasks(notebook):
        answers[f"{task.id} (reference)"] = notebook.cells[task.solution_index].source
        for folder in (REQUIREMENT_ANSWERS_DIR, ALTERNATIVE_ANSWERS_DIR):
            for fixture in task.answers(folder):
                answers[str(fixture.relative_to(NOTEBOOKS_DIR))] = fixture.read_text()
    flagged = {
        name: [str(finding) for finding in policy.findings(source)]
        for name, source in answers.items()
    }
    flagged = {name: found for name, found in flagged.items() if found}
    assert not flagged, f"{path.name}: correct answers the static policy would withhold: {flagged}"


@pytest.mark.parametrize("folder", [rule[0] for rule in FIXTURE_RULES], ids=lambda f: f.name)
def test_answer_fixtures_belong_to_tasks(folder):
    known = {task.id for path in NOTEBOOKS for task in tasks(_read(path))}
    strays = sorted(p.name for p in folder.glob("*") if p.is_dir() and p.name not in known)
    assert not strays, f"{folder} has fixtures for unknown tasks: {strays}."


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_instructor_notebook_runs_cleanly(path):
    """nbval runs every cell in the notebook's own kernel; any error fails the notebook."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "--nbval-lax", str(path)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"{path.name} does not run cleanly:\n{run.stdout[-6000:]}"


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_candidate_version_hides_solutions(path, round_trips):
    trip = round_trips(path)
    text = trip.release_path.read_text()
    for marker in INSTRUCTOR_MARKERS:
        assert marker not in text, f"{path.name}: the candidate version still contains {marker!r}."
    solution_region = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
    # What the instructor shows on purpose (task text, demos, test code) is no leak.
    shown = "\n".join(solution_region.sub("", cell.source) for cell in trip.source.cells)
    for task in trip.tasks:
        solution = trip.source.cells[task.solution_index].source
        lines = [
            line.strip()
            for region in solution_region.findall(solution)
            for line in region.splitlines()
            if len(line.strip()) > 12 and line.strip() not in shown
        ]
        # The release is JSON: a line with quotes or backslashes is there escaped.
        leaked = [line for line in lines if line in text or json.dumps(line)[1:-1] in text]
        assert not leaked, (
            f"{path.name}: {task.id}'s solution leaks into the candidate version: {leaked}"
        )


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_candidate_stubs_score_zero(path, round_trips):
    trip = round_trips(path)
    scores = trip.scores("candidate", trip.release)
    for task in trip.tasks:
        assert scores[task.test_id] == (0, task.points), (
            f"{path.name}: the stub of {task.id} must score 0, scored {scores[task.test_id]}."
        )


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_reference_solutions_score_full(path, round_trips):
    trip = round_trips(path)
    scores = trip.scores("instructor", trip.source)
    for task in trip.tasks:
        assert scores[task.test_id] == (task.points, task.points), (
            f"{path.name}: the reference solution of {task.id} scored {scores[task.test_id]}."
        )


@pytest.mark.notebook
@pytest.mark.parametrize(("path", "task_id", "fixture"), _fixtures(WRONG_ANSWERS_DIR))
def test_wrong_answer_scores_less(path, task_id, fixture):
    assert not fixture_passes(path, task_id, WRONG_ANSWERS_DIR, fixture), (
        f"{path.name}: the wrong answer {fixture!r} to {task_id} got full marks."
    )


@pytest.mark.notebook
@pytest.mark.parametrize(("path", "task_id", "fixture"), _fixtures(REQUIREMENT_ANSWERS_DIR))
def test_ignoring_a_stated_requirement_scores_less(path, task_id, fixture):
    """Each requirement a task states has data that makes it matter."""
    assert not fixture_passes(path, task_id, REQUIREMENT_ANSWERS_DIR, fixture), (
        f"{path.name}: {task_id} states the requirement {fixture!r}, but an answer that "
        "ignores it got full marks: add hidden-test data that makes it matter."
    )


@pytest.mark.notebook
@pytest.mark.parametrize(("path", "task_id", "fixture"), _fixtures(ALTERNATIVE_ANSWERS_DIR))
def test_alternative_answer_scores_full(path, task_id, fixture):
    assert fixture_passes(path, task_id, ALTERNATIVE_ANSWERS_DIR, fixture), (
        f"{path.name}: the correct answer {fixture!r} to {task_id} lost marks."
    )


QUICK_PATH_SAMPLE = NOTEBOOKS_DIR / "00_orientation.ipynb"


def _my_kernels():
    """This process's child kernels."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if parent == os.getpid() and b"ipykernel_launcher" in command:
            found.append(command)
    return found


@pytest.mark.notebook
def test_the_quick_path_leaves_no_kernel_behind():
    (task, *_) = tasks(_read(QUICK_PATH_SAMPLE))
    (fixture, *_) = task.answers(WRONG_ANSWERS_DIR)
    assert not fixture_passes(QUICK_PATH_SAMPLE, task.id, WRONG_ANSWERS_DIR, fixture.stem)
    assert _my_kernels() == []


@pytest.mark.notebook
@pytest.mark.xdist_group(QUICK_PATH_SAMPLE.stem)
@pytest.mark.parametrize("folder", [rule[0] for rule in FIXTURE_RULES], ids=lambda f: f.name)
def test_the_quick_path_agrees_with_nbgrader(folder, round_trips):
    """On one notebook's fixtures, ``fixture_passes`` says what a full nbgrader round trip says."""
    trip = round_trips(QUICK_PATH_SAMPLE)
    for task in trip.tasks:
        for fixture in task.answers(folder):
            score, maximum = trip.fixture_score(task.id, folder, fixture.stem)
            quick = fixture_passes(QUICK_PATH_SAMPLE, task.id, folder, fixture.stem)
            assert quick == (score == maximum), (task.id, fixture.stem, score, maximum)


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOK_PARAMS)
def test_a_lying_answer_gains_nothing(path, round_trips):
    """Tests compare plain values: a wrong value that claims to be equal scores no more than
    the same wrong value told honestly (``liars``)."""
    trip = round_trips(path)
    lying = trip.variant_scores("lying", lambda source: liars.disguise(source, lie=True))
    honest = trip.variant_scores("honest-wrong", lambda source: liars.disguise(source, lie=False))
    fooled = [
        f"{task.id}: {lying[task.test_id]} lying against {honest[task.test_id]} honest"
        for task in trip.tasks
        if liars.functions(trip.source.cells[task.solution_index].source)
        and lying[task.test_id][0] > honest[task.test_id][0]
    ]
    assert not fooled, f"{path.name}: tests fooled by values that lie about equality: {fooled}"
