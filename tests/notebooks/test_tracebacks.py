"""A failing test cell's traceback points at the failed check, not at the cell's clean-up.

IPython 9 shows a frame whose source file it cannot open (every cell's: ipykernel keeps them
in memory) at the frame's last line run, ``f_lineno``, not at the traceback's ``tb_lineno``.
After a ``try`` whose ``finally`` ran (or whose ``except`` was tried), that is the clean-up
line (``sandbox.reset()``), and the candidate reads it instead of the assert that failed. A
``with`` block's exit puts the frame back on the failed line, so test cells clean up with
``with sandbox.scratch():`` (or ``contextlib.ExitStack``) and never check inside a ``try``.
"""

import ast
import re

import nbformat
import pytest
from nbclient import NotebookClient
from nbgrader.preprocessors import ClearHiddenTests
from workbook.isolation.limits import Limits
from workbook.notebook import WRONG_ANSWERS_DIR, tasks
from workbook.paths import NOTEBOOKS_DIR

from .test_checker import NOTEBOOKS, IpcKernelManager

ANSI = re.compile(r"\x1b\[[0-9;]*m")
MARKED = re.compile(r"^-+> *\d+ (.*)$", re.MULTILINE)  # IPython's arrow at the current line


def _test_cells(path):
    notebook = nbformat.read(path, as_version=4)
    return [(task.test_id, notebook.cells[task.test_index].source) for task in tasks(notebook)]


def _is_check(node):
    """An ``assert`` statement or a call of ``workbench.verdicts.assert_equal``."""
    if isinstance(node, ast.Call):
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        return name == "assert_equal"
    return isinstance(node, ast.Assert)


def _asserts_inside_try(source):
    """Return the line numbers of checks in the body of a ``try`` (one with handlers or a
    ``finally``), not counting functions defined there (their own frames end at the check)."""
    tree = compile(source, "<cell>", "exec", ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    found = []

    def visit(node, in_try):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            in_try = False
        if in_try and _is_check(node):
            found.append(node.lineno)
        if isinstance(node, ast.Try | ast.TryStar):
            for child in node.body:
                visit(child, True)
            for child in [*node.handlers, *node.orelse, *node.finalbody]:
                visit(child, in_try)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, in_try)

    visit(tree, False)
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_no_test_cell_asserts_inside_a_try(path):
    wrapped = {
        test_id: lines
        for test_id, source in _test_cells(path)
        if (lines := _asserts_inside_try(source))
    }
    assert not wrapped, (
        f"{path.name}: asserts inside a try (cell: lines) {wrapped}. A failure there is shown "
        "at the finally/except line; clean up with `with sandbox.scratch():` or "
        "contextlib.ExitStack instead."
    )


def test_the_rule_sees_an_assert_inside_try_finally():
    source = "try:\n    with x:\n        assert a\nfinally:\n    sandbox.reset()\nassert b\n"
    assert _asserts_inside_try(source) == [3]
    assert _asserts_inside_try("try:\n    assert_equal(a, 1)\nexcept KeyError:\n    pass\n") == [2]
    assert _asserts_inside_try("with sandbox.scratch():\n    assert a\n") == []


def _failing_candidate_run(stem, task_id, fixture):
    """Run the candidate version of a notebook, with ``fixture`` as that task's answer, down
    to the task's test cell in a real kernel; return that cell's plain-text traceback."""
    path = NOTEBOOKS_DIR / f"{stem}.ipynb"
    notebook, _ = ClearHiddenTests().preprocess(nbformat.read(path, as_version=4), {})
    (task,) = [task for task in tasks(notebook) if task.id == task_id]
    notebook.cells[task.solution_index].source = (
        WRONG_ANSWERS_DIR / task_id / f"{fixture}.py"
    ).read_text()
    notebook.cells = notebook.cells[: task.test_index + 1]
    NotebookClient(
        notebook,
        kernel_manager_class=IpcKernelManager,
        kernel_name=notebook.metadata.kernelspec.name,
        timeout=Limits().timeout,
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    (error,) = [o for o in notebook.cells[task.test_index].outputs if o.output_type == "error"]
    return error.ename, ANSI.sub("", "\n".join(error.traceback))


def test_a_wrong_answer_is_shown_at_the_failed_assert():
    """Task 1 of 03 changes data, so its test cell resets the sandbox after it, pass or fail."""
    ename, traceback = _failing_candidate_run(
        "03_sessions", "sessions_visit_counter", "module_global"
    )
    assert ename == "AssertionError", traceback
    assert MARKED.findall(traceback)[-1].strip().startswith("assert "), traceback
    assert "shared between browsers" in traceback
