"""``workbook check`` runs a copy of the person's notebooks and reports where they stand."""

import asyncio
import io
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from workbook import cli
from workbook.candidate.check import KERNEL_NAME, NOT_STARTED, check, describe
from workbook.candidate.workspace import WORKSPACE_ENV, Workspace
from workbook.notebook import prose_answer, prose_tasks, tasks
from workbook.paths import NOTEBOOKS_DIR

ORIENTATION = NOTEBOOKS_DIR / "00_orientation.ipynb"

pytestmark = pytest.mark.notebook
RIGHT = """\
from catalog.models import Audio


def public_audio_count():
    return Audio.objects.filter(is_public=True).count()
"""
WRONG = NOTEBOOKS_DIR / "wrong_answers/orientation_top_creators/counts_items_not_plays.py"


@pytest.fixture
def workspace(tmp_path, candidate_00):
    space = Workspace(tmp_path / "workspace", pristine=candidate_00.parent)
    space.sync()
    return space


def run_check(*args, **kwargs):
    out = io.StringIO()
    progress = check(*args, out=out, **kwargs)
    return progress, out.getvalue()


def test_stub_notebook_reports_nothing_done_and_points_to_the_first_hint(workspace):
    path = workspace.folder / ORIENTATION.name
    before = path.read_bytes()
    (report,), text = run_check("00", workspace=workspace.folder)
    assert (report.passed, report.earned, report.total) == (0, 0, 5)
    assert report.next_task.id == "orientation_public_audio_count"
    assert report.next_task.message == NOT_STARTED
    assert "0 of 2 tasks pass, 0 of 5 visible points" in text
    assert "Next: Task 1 · Count public audio in one query" in text
    assert "workbook check 00_orientation --hint" in text
    assert "not answered yet" in text  # the explain-it question
    assert "Traceback" not in text
    assert path.read_bytes() == before, "check must not change the person's notebook."


def test_partial_work_shows_progress_and_the_first_failing_message(workspace):
    path = workspace.folder / ORIENTATION.name
    notebook = nbformat.read(path, as_version=4)
    first, second = tasks(notebook)
    notebook.cells[first.solution_index].source = RIGHT
    notebook.cells[second.solution_index].source = WRONG.read_text()
    nbformat.write(notebook, path)

    async def inside_a_running_event_loop():  # as in a Jupyter kernel
        return run_check(workspace=workspace.folder, hint=True)

    (report,), text = asyncio.run(inside_a_running_event_loop())
    assert (report.passed, report.earned) == (1, 2)
    task = report.next_task
    assert task.id == "orientation_top_creators"
    # the assertion's own message
    assert task.message.startswith("The three most played creators"), task.message
    assert "1 of 2 tasks pass, 2 of 5 visible points" in text
    assert "Hint:" in text and "annotate(" in text
    assert "Traceback" not in text and "AssertionError" not in text


def test_one_liner_in_a_notebook_finds_its_workspace(workspace):
    """A cell in a notebook of the workspace runs the check; its kernel's folder is the key."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("from workbook.candidate.check import check\ncheck('00')")
    ]
    env = {key: value for key, value in os.environ.items() if key != WORKSPACE_ENV}
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL_NAME,
        timeout=120,
        resources={"metadata": {"path": str(workspace.folder)}},
    )
    client.execute(env=env)
    outputs = notebook.cells[0].outputs
    text = "".join(o.get("text", "") for o in outputs) + str(outputs[-1].get("data", ""))
    assert f"in {workspace.folder} (save your notebook first" in text
    assert "0 of 2 tasks pass" in text and "check('00_orientation', hint=True)" in text
    assert "<0/2 tasks pass, 0/5 visible points>" in text


def test_instructor_notebook_scores_full_visible_marks():
    progress, text = run_check(str(ORIENTATION))
    (report,) = progress
    assert (report.passed, report.earned, report.total) == (2, 5, 5)
    assert report.next_task is None and progress.complete
    assert "All visible tests pass" in text


def test_command_finds_the_workspace_from_another_folder(workspace, tmp_path):
    elsewhere = workspace.folder / "notes"  # a folder inside the workspace, no env var
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if key != WORKSPACE_ENV}
    script = Path(sys.executable).parent / "workbook"
    run = subprocess.run(
        [str(script), "check", "00", "--hint"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr  # visible tests still fail
    assert f"in {workspace.folder}" in run.stdout
    assert "A queryset has a method that turns into `SELECT COUNT(*)`" in run.stdout


@pytest.mark.parametrize("where", [[], ["--workspace", "."]], ids=["plain", "workspace-dot"])
def test_check_works_in_a_folder_fetched_from_an_exchange(tmp_path, candidate_00, where):
    """A teacher's workshop: notebooks fetched from nbgrader's exchange, no manifest, no
    pristine copies; an explain-it answer counts once it differs from the placeholder."""
    fetched = tmp_path / "workbook"
    fetched.mkdir()
    notebook = nbformat.read(candidate_00, as_version=4)
    notebook.cells[tasks(notebook)[0].solution_index].source = RIGHT
    ((question, _),) = prose_tasks(notebook)
    prose_answer(notebook, question).source = "count() asks the database; len() fetches rows."
    nbformat.write(notebook, fetched / candidate_00.name)
    env = {key: value for key, value in os.environ.items() if key != WORKSPACE_ENV}
    script = Path(sys.executable).parent / "workbook"
    run = subprocess.run(
        [str(script), "check", *where],
        cwd=fetched,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr  # task 2 still fails
    assert f"in {fetched}..." in run.stdout
    assert "1 of 2 tasks pass, 2 of 5 visible points" in run.stdout
    assert ": answered (1 point, graded by a person)" in run.stdout
    assert not (fetched / ".workbook.json").exists(), "check leaves the folder as it was"


def test_command_names_the_notebooks_it_knows(workspace, capsys):
    assert cli.main(["check", "99", "--workspace", str(workspace.folder)]) == 2
    assert "'99' matches no notebook" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (("AssertionError", "Expected 3, got 4."), "Expected 3, got 4."),
        (("AssertionError", ""), "an assertion failed (it gave no message)"),
        (("NameError", "name 'x' is not defined"), "NameError: name 'x' is not defined"),
        (("NotImplementedError", ""), NOT_STARTED),
    ],
)
def test_describe_gives_one_line_not_a_traceback(error, message):
    assert describe(error) == message


def test_a_cell_gets_the_same_time_everywhere(tmp_path):
    """Validate (nbgrader's config), `workbook check` and grading allow a cell the same time."""
    from workbook.candidate.check import CELL_TIMEOUT
    from workbook.course import course_config
    from workbook.isolation.sandboxing import Limits

    assert course_config(tmp_path).Execute.timeout == CELL_TIMEOUT == Limits().timeout
