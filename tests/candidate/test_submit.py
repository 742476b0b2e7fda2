"""``workbook submit`` packs the one zip to send: the answered notebooks in, nothing else."""

import getpass
import shutil
import zipfile

import nbformat
import pytest
from workbook import cli
from workbook.candidate.submit import describe, submit
from workbook.candidate.workspace import BACKUPS, Workspace
from workbook.course import Course
from workbook.errors import CommandError
from workbook.notebook import prose_answer, prose_tasks, tasks
from workbook.paths import NOTEBOOKS_DIR
from workbook.pipeline.collect import MAX_NOTEBOOK_BYTES, candidate_id, collect

ORIENTATION = NOTEBOOKS_DIR / "00_orientation.ipynb"
NAME = ORIENTATION.name
SECOND = "01_second.ipynb"  # a second notebook of the workbook, which the person never opens
ANSWER = "def public_audio_count():\n    return 1\n"  # an answer, right or wrong: no code runs


@pytest.fixture
def pristine(tmp_path, candidate_00):
    folder = tmp_path / "pristine"
    folder.mkdir()
    shutil.copyfile(candidate_00, folder / NAME)
    shutil.copyfile(candidate_00, folder / SECOND)
    return folder


@pytest.fixture
def workspace(tmp_path, pristine):
    space = Workspace(tmp_path / "build" / "workspace", pristine=pristine)
    space.sync()
    return space


def answer(path, *, every=False):
    """Answer task 1 of the notebook at ``path`` (every task and explain-it answer if asked)."""
    notebook = nbformat.read(path, as_version=4)
    found = tasks(notebook) if every else tasks(notebook)[:1]
    for task in found:
        notebook.cells[task.solution_index].source = ANSWER
    if every:
        for grade_id, _ in prose_tasks(notebook):
            prose_answer(notebook, grade_id).source = "count() asks the database to count."
    nbformat.write(notebook, path)


def test_only_answered_workbook_notebooks_go_in(workspace):
    folder = workspace.folder
    answer(folder / NAME)
    backup = folder / BACKUPS / "20261129-101500"
    backup.mkdir(parents=True)
    shutil.copyfile(folder / SECOND, backup / NAME)
    shutil.copyfile(folder / SECOND, folder / "00_orientation.updated.ipynb")
    (folder / ".ipynb_checkpoints").mkdir()
    shutil.copyfile(
        folder / NAME, folder / ".ipynb_checkpoints" / "00_orientation-checkpoint.ipynb"
    )
    nbformat.write(nbformat.v4.new_notebook(), folder / "Untitled.ipynb")

    submission = submit(folder, "Jane Doe")

    assert submission.zip_path == folder.parent / "submission" / "jane-doe.zip"
    with zipfile.ZipFile(submission.zip_path) as archive:
        assert archive.namelist() == [f"jane-doe/{NAME}"]
        assert archive.read(f"jane-doe/{NAME}") == (folder / NAME).read_bytes()
    assert (submission.untouched, submission.others) == ([SECOND], ["Untitled.ipynb"])
    text = "\n".join(describe(submission))
    assert f"{NAME}  1 of 2 tasks answered, 0 of 1 explain-it answers written" in text
    assert f"Left out, unchanged since you got them (they would score 0): {SECOND}" in text
    assert f"{NAME}: Task 2 · The most played creators; Explain it · `count()`" in text
    assert f"Send this one file: {submission.zip_path}" in text
    assert "Its name, jane-doe, is your candidate id." in text


def test_no_warning_once_everything_is_answered(workspace):
    answer(workspace.folder / NAME, every=True)
    text = "\n".join(describe(submit(workspace.folder, "jane")))
    assert "2 of 2 tasks answered, 1 of 1 explain-it answers written" in text
    assert "Warning" not in text


def test_collect_imports_the_zip_it_makes(workspace, tmp_path, capsys):
    answer(workspace.folder / NAME)
    assert cli.main(["submit", "--workspace", str(workspace.folder), "--name", "Jane Doe"]) == 0
    zip_path = workspace.folder.parent / "submission" / "jane-doe.zip"
    assert f"Send this one file: {zip_path}" in capsys.readouterr().out
    course = Course(tmp_path / "course")
    course.add_sources([ORIENTATION])

    result = collect(course, [zip_path])

    assert result.imported == {"jane-doe": str(zip_path)} and not result.problems
    imported = nbformat.read(course.folder("submitted", "jane-doe") / NAME, as_version=4)
    assert imported.cells == nbformat.read(workspace.folder / NAME, as_version=4).cells


def test_nothing_answered_writes_nothing_and_says_so(workspace, capsys):
    assert cli.main(["submit", "--workspace", str(workspace.folder), "--name", "jane"]) == 2
    assert "nothing to send yet: every notebook in" in capsys.readouterr().err
    assert not (workspace.folder.parent / "submission").exists()


def test_a_name_that_gives_no_candidate_id_is_refused(workspace, capsys):
    answer(workspace.folder / NAME)
    assert cli.main(["submit", "--workspace", str(workspace.folder), "--name", "¿?"]) == 2
    assert "workbook submit --name your-name" in capsys.readouterr().err


def test_a_broken_notebook_is_named_and_nothing_is_packed(workspace):
    answer(workspace.folder / NAME)
    (workspace.folder / SECOND).write_text("{ not json")
    with pytest.raises(CommandError, match=f"{SECOND} is not a readable notebook"):
        submit(workspace.folder, "jane")
    assert not (workspace.folder.parent / "submission").exists()


def test_a_folder_fetched_from_an_exchange_packs_what_was_done(tmp_path, pristine):
    """No manifest, no pristine copies: a notebook with nothing answered is left out."""
    fetched = tmp_path / "home" / "workbook"
    shutil.copytree(pristine, fetched)
    answer(fetched / NAME)

    submission = submit(fetched)  # no --name: the login name is the candidate id

    login = candidate_id(getpass.getuser())
    assert submission.zip_path == tmp_path / "home" / "submission" / f"{login}.zip"
    with zipfile.ZipFile(submission.zip_path) as archive:
        assert archive.namelist() == [f"{login}/{NAME}"]
    assert submission.untouched == [SECOND]
    (packed,) = submission.packed
    assert packed.blank_prose, "the explain-it placeholder is not an answer"


def test_a_deleted_test_cell_is_packed_with_a_warning(workspace):
    path = workspace.folder / NAME
    answer(path)
    notebook = nbformat.read(path, as_version=4)
    del notebook.cells[tasks(notebook)[1].test_index]
    nbformat.write(notebook, path)
    submission = submit(workspace.folder, "jane")
    assert [entry.name for entry in submission.packed] == [NAME]
    text = "\n".join(describe(submission))
    assert f"{NAME}  Solution cell 'orientation_top_creators' has no test cell" in text
    assert "Put that locked test cell back" in text


def test_a_notebook_too_large_to_import_is_refused(workspace):
    path = workspace.folder / NAME
    answer(path)
    notebook = nbformat.read(path, as_version=4)
    output = nbformat.v4.new_output("stream", text="x" * (MAX_NOTEBOOK_BYTES + 1))
    notebook.cells[tasks(notebook)[0].solution_index].outputs = [output]
    nbformat.write(notebook, path)
    with pytest.raises(CommandError, match="Clear Outputs of All Cells"):
        submit(workspace.folder, "jane")
