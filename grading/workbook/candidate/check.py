"""``workbook check``: run the visible tests of your notebooks and show where you stand.

Each notebook is copied into a temporary folder and executed there with nbclient in the
workbook's kernel, as the grader would run it, so your own file is never changed. For each
notebook it prints the tasks that pass, the visible points earned, the next task to do with
the first message its tests give, and where its hint is. Inside a notebook, use
``from workbook.candidate.check import check; check()`` (it checks the *saved* files).
"""

import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from workbook.candidate import hints
from workbook.candidate.workspace import Workspace, find_workspace
from workbook.isolation.limits import Limits
from workbook.notebook import KERNEL_NAME, is_answered, nbgrader, prose_answer, prose_tasks, tasks

CELL_TIMEOUT = Limits().timeout  # seconds: what grading allows a cell, so check says the same
MESSAGE_LIMIT = 400
NOT_STARTED = "not started: replace `raise NotImplementedError()` with your answer"


@dataclass
class TaskResult:
    id: str
    title: str
    points: float
    passed: bool
    message: str | None = None
    hint: str | None = None

    @property
    def earned(self):
        return self.points if self.passed else 0


@dataclass
class ProseResult:
    id: str
    title: str
    points: float
    answered: bool


@dataclass
class NotebookReport:
    name: str
    tasks: list[TaskResult] = field(default_factory=list)
    prose: list[ProseResult] = field(default_factory=list)
    problem: str | None = None  # a setup cell failed, a cell timed out, the kernel died

    @property
    def passed(self):
        return sum(task.passed for task in self.tasks)

    @property
    def earned(self):
        return sum(task.earned for task in self.tasks)

    @property
    def total(self):
        return sum(task.points for task in self.tasks)

    @property
    def next_task(self):
        return next((task for task in self.tasks if not task.passed), None)


class Progress(list):
    """The reports of one check; shows as a one-line summary at the end of a notebook cell."""

    def __repr__(self):
        passed, count = sum(r.passed for r in self), sum(len(r.tasks) for r in self)
        earned, total = sum(r.earned for r in self), sum(r.total for r in self)
        return f"<{passed}/{count} tasks pass, {earned:g}/{total:g} visible points>"

    @property
    def complete(self):
        return all(report.next_task is None and not report.problem for report in self)


def execute_copy(path, timeout=CELL_TIMEOUT):
    """Run a copy of the notebook at ``path`` in a temporary folder; return it and any problem."""
    notebook = nbformat.read(path, as_version=4)
    problem = None
    with tempfile.TemporaryDirectory(prefix="workbook-check-") as folder:
        client = NotebookClient(
            notebook,
            kernel_name=KERNEL_NAME,
            timeout=timeout,
            allow_errors=True,  # run every cell, as grading does
            resources={"metadata": {"path": folder}},
        )
        try:
            # The kernel's own log (e.g. its TCP warning) is noise here; cell errors reach
            # us through the outputs.
            client.execute(stderr=subprocess.DEVNULL)
        except CellTimeoutError:
            problem = f"a cell ran longer than {timeout} s and was stopped; later cells did not run"
        except DeadKernelError:
            problem = "the kernel died (out of memory, or os._exit?); later cells did not run"
    return notebook, problem


def first_error(cell):
    """Return ``(ename, evalue)`` of the first error a cell shows, or ``None``."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return output.get("ename", "Error"), output.get("evalue", "")
    return None


def describe(error, *, answer_cell=False):
    """Turn an error into the one message a person needs (no traceback)."""
    ename, evalue = error
    if ename == "NotImplementedError":
        return NOT_STARTED
    if ename == "AssertionError":
        text = evalue or "an assertion failed (it gave no message)"
    else:
        text = f"{ename}: {evalue}" if evalue else ename
    if answer_cell:
        text = f"your answer cell raised {text}"
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


def report_for(name, notebook, pristine=None, problem=None):
    """Read an executed notebook's outcome, task by task."""
    report = NotebookReport(name, problem=problem)
    found = tasks(notebook)
    setup_end = found[0].solution_index if found else len(notebook.cells)
    for cell in notebook.cells[:setup_end]:
        error = cell.cell_type == "code" and first_error(cell)
        if error and not report.problem:
            report.problem = f"a setup cell failed ({describe(error)}); fix or re-run it first"
    for task in found:
        answer, test = notebook.cells[task.solution_index], notebook.cells[task.test_index]
        answer_error, test_error = first_error(answer), first_error(test)
        ran = test.get("execution_count") is not None
        passed = ran and test_error is None
        message = None
        if not ran:
            message = "its test cell did not run"
        elif not passed:
            if answer_error and answer_error[0] != "NotImplementedError":
                message = describe(answer_error, answer_cell=True)
            else:
                message = describe(test_error)
        report.tasks.append(
            TaskResult(
                task.id,
                hints.title(notebook, task, found),
                task.points,
                passed,
                message,
                hints.hint(notebook, task, found),
            )
        )
    report.prose = _prose(notebook, pristine)
    return report


def _prose(notebook, pristine):
    stubs = {cell.get("id"): cell.source for cell in pristine.cells} if pristine else {}
    results = []
    for grade_id, points in prose_tasks(notebook):
        question = next(c for c in notebook.cells if nbgrader(c).get("grade_id") == grade_id)
        headings = hints.HEADING.findall(question.source)
        answer = prose_answer(notebook, grade_id)
        answered = answer is not None and is_answered(answer, stubs.get(answer.get("id")))
        results.append(
            ProseResult(grade_id, headings[0] if headings else grade_id, points, answered)
        )
    return results


def check_notebook(path, pristine_folder=None, timeout=CELL_TIMEOUT):
    """Execute a copy of one notebook and return its ``NotebookReport``."""
    path = Path(path)
    notebook, problem = execute_copy(path, timeout)
    pristine = None
    if pristine_folder and (Path(pristine_folder) / path.name).is_file():
        pristine = nbformat.read(Path(pristine_folder) / path.name, as_version=4)
    return report_for(path.name, notebook, pristine, problem)


def _symbols(stream):
    try:
        "✓✗·…".encode(getattr(stream, "encoding", None) or "ascii")
        return "✓", "✗", "·"
    except (UnicodeEncodeError, LookupError):
        return "ok", "XX", "--"


def format_report(report, *, show_hint=False, stream=sys.stdout, in_notebook=False):
    """Return the lines ``workbook check`` prints for one notebook."""
    good, bad, dot = _symbols(stream)
    stem = Path(report.name).stem
    ask = f"check({stem!r}, hint=True)" if in_notebook else f"workbook check {stem} --hint"
    lines = [
        f"{report.name}: {report.passed} of {len(report.tasks)} tasks pass, "
        f"{report.earned:g} of {report.total:g} visible points"
    ]
    if report.problem:
        lines.append(f"  ! {report.problem}")
    width = max((len(task.title) for task in report.tasks), default=0)
    for task in report.tasks:
        mark = good if task.passed else bad
        row = f"  {mark} {task.title:<{width}}  {task.earned:g}/{task.points:g}"
        if task.message == NOT_STARTED and task is not report.next_task:
            row += "  not started"
        elif task.message:
            row += f"\n      {task.message}"
        lines.append(row)
    for prose in report.prose:
        state = "answered" if prose.answered else "not answered yet"
        points = f"{prose.points:g} point{'' if prose.points == 1 else 's'}"
        lines.append(f"  {dot} {prose.title}: {state} ({points}, graded by a person)")
    task = report.next_task
    if task:
        lines.append(f"  Next: {task.title}  [{task.id}]")
        if task.hint and show_hint:
            lines.append("  Hint:")
            lines.extend(f"      {line}" if line else "" for line in task.hint.splitlines())
        elif task.hint:
            lines.append(f"  Stuck? Open the Hint under that task in the notebook, or run: {ask}")
    else:
        lines.append(
            "  All visible tests pass. Hidden tests check more at grading time: make sure your "
            "answers work in general, not only for the data shown."
        )
    return "\n".join(lines)


def _notebook_paths(workspace, notebook):
    if notebook is None:
        paths = workspace.notebooks()
        if not paths:
            raise FileNotFoundError(
                f"No notebooks in {workspace.folder}. Run `make lab` (or `workbook lab`) once: "
                "it creates your workspace."
            )
        return paths
    if Path(notebook).suffix == ".ipynb" and Path(notebook).is_file():
        return [Path(notebook).resolve()]
    return [workspace.resolve(notebook)]


def _in_kernel():
    """Return whether this runs in a Jupyter kernel (a notebook cell called ``check()``)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython else None
    return type(shell).__name__ == "ZMQInteractiveShell"


def check(notebook=None, *, workspace=None, hint=False, jobs=None, timeout=CELL_TIMEOUT, out=None):
    """Check one notebook (``"02"``, ``"02_name"``, a path) or all of them; print and return.

    The notebooks run in worker threads (each in its own kernel), so this also works inside a
    running notebook, whose own event loop would refuse nbclient in the same thread.
    """
    out = out or sys.stdout
    space = Workspace(workspace or find_workspace())
    paths = _notebook_paths(space, notebook)
    jobs = jobs or min(len(paths), 4, os.cpu_count() or 1)
    where = space.folder if len(paths) > 1 or paths[0].parent == space.folder else paths[0].parent
    in_kernel = _in_kernel()
    save = " (save your notebook first: Ctrl+S)" if in_kernel else ""
    print(f"Checking {len(paths)} saved notebook(s) in {where}{save}...\n", file=out, flush=True)
    progress = Progress()
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(check_notebook, path, space.pristine, timeout) for path in paths]
        for future in futures:  # in notebook order, each as soon as it is ready
            report = future.result()
            progress.append(report)
            text = format_report(report, show_hint=hint, stream=out, in_notebook=in_kernel)
            print(text + "\n", file=out, flush=True)
    if len(progress) > 1:
        print(_summary(progress), file=out, flush=True)
    return progress


def _summary(progress):
    passed, count = sum(r.passed for r in progress), sum(len(r.tasks) for r in progress)
    earned, total = sum(r.earned for r in progress), sum(r.total for r in progress)
    line = f"Overall: {passed} of {count} tasks pass, {earned:g} of {total:g} visible points."
    upcoming = next((r for r in progress if r.next_task), None)
    if upcoming:
        line += f" Next: {Path(upcoming.name).stem}, {upcoming.next_task.title}."
    return line


def run(args):
    try:
        progress = check(args.notebook, workspace=args.workspace, hint=args.hint, jobs=args.jobs)
    except (LookupError, FileNotFoundError) as error:
        print(f"workbook check: {error}", file=sys.stderr)
        return 2
    return 0 if progress.complete else 1
