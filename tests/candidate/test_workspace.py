"""The workspace never loses work: edits are never overwritten, updates go side by side."""

import json
import os
import shutil

import nbformat
import pytest
from workbook import cli
from workbook.candidate.workspace import (
    BACKUPS,
    MANIFEST,
    Layout,
    Workspace,
    content_hash,
    find_workspace,
    open_workspace,
)
from workbook.candidate.workspace import WORKSPACE_ENV as ENV
from workbook.paths import NOTEBOOKS_DIR

ORIENTATION = NOTEBOOKS_DIR / "00_orientation.ipynb"


def write_notebook(path, *sources):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index}"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path


def edit(path, source):
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[0].source = source
    nbformat.write(notebook, path)


def source_of(path):
    return nbformat.read(path, as_version=4).cells[0].source


@pytest.fixture
def pristine(tmp_path):
    folder = tmp_path / "pristine"
    write_notebook(folder / "01_one.ipynb", "x = 1  # YOUR CODE HERE")
    write_notebook(folder / "02_two.ipynb", "y = 2  # YOUR CODE HERE")
    return folder


@pytest.fixture
def workspace(tmp_path, pristine):
    space = Workspace(tmp_path / "workspace", pristine=pristine)
    space.sync()
    return space


def test_first_sync_places_every_notebook_and_records_its_hash(tmp_path, pristine):
    space = Workspace(tmp_path / "workspace", pristine=pristine)
    changes = space.sync()
    assert [(c.kind, c.name) for c in changes] == [
        ("added", "01_one.ipynb"),
        ("added", "02_two.ipynb"),
    ]
    manifest = json.loads((space.folder / MANIFEST).read_text())
    placed = manifest["notebooks"]["01_one.ipynb"]["placed"]
    assert placed == content_hash(pristine / "01_one.ipynb")
    assert space.sync() == [], "A second sync with nothing new must change nothing."


def test_outputs_and_metadata_do_not_count_as_edits(workspace):
    path = workspace.folder / "01_one.ipynb"
    before = content_hash(path)
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[0].outputs = [nbformat.v4.new_output("stream", text="ran\n")]
    notebook.cells[0].execution_count = 3
    notebook.metadata["widgets"] = {}
    nbformat.write(notebook, path)
    assert content_hash(path) == before


def test_untouched_notebook_takes_a_new_version(workspace, pristine):
    edit(pristine / "01_one.ipynb", "x = 10  # YOUR CODE HERE (clearer task)")
    changes = workspace.sync()
    assert [(c.kind, c.name) for c in changes] == [("updated", "01_one.ipynb")]
    assert source_of(workspace.folder / "01_one.ipynb") == "x = 10  # YOUR CODE HERE (clearer task)"


def test_edited_notebook_is_never_overwritten_and_gets_the_update_beside_it(workspace, pristine):
    mine = workspace.folder / "01_one.ipynb"
    edit(mine, "x = 'my answer'")
    edit(pristine / "01_one.ipynb", "x = 10  # YOUR CODE HERE (clearer task)")

    changes = workspace.sync()
    assert source_of(mine) == "x = 'my answer'"
    updated = workspace.folder / "01_one.updated.ipynb"
    assert source_of(updated) == "x = 10  # YOUR CODE HERE (clearer task)"
    (change,) = changes
    assert change.kind == "offered" and "01_one.updated.ipynb" in change.message
    assert "workbook reset 01_one" in change.message

    # Later runs remind, and still touch nothing.
    (again,) = Workspace(workspace.folder).sync()
    assert again.kind == "pending" and source_of(mine) == "x = 'my answer'"
    assert [p.name for p in workspace.notebooks()] == ["01_one.ipynb", "02_two.ipynb"]


def test_edits_to_an_offered_copy_are_backed_up_before_a_newer_offer(workspace, pristine):
    edit(workspace.folder / "01_one.ipynb", "x = 'my answer'")
    edit(pristine / "01_one.ipynb", "version 2")
    workspace.sync()
    edit(workspace.folder / "01_one.updated.ipynb", "notes I made in the offered copy")
    edit(pristine / "01_one.ipynb", "version 3")
    workspace.sync()
    assert source_of(workspace.folder / "01_one.updated.ipynb") == "version 3"
    (backup,) = (workspace.folder / BACKUPS).glob("*/01_one.updated.ipynb")
    assert source_of(backup) == "notes I made in the offered copy"


def test_unreadable_notebook_counts_as_edited(workspace, pristine):
    mine = workspace.folder / "02_two.ipynb"
    mine.write_text("{ not json")
    edit(pristine / "02_two.ipynb", "y = 20")
    (change,) = workspace.sync()
    assert change.kind == "offered" and mine.read_text() == "{ not json"


def test_new_notebooks_are_added_and_deleted_ones_restored(workspace, pristine):
    write_notebook(pristine / "03_three.ipynb", "z = 3")
    (workspace.folder / "02_two.ipynb").unlink()
    kinds = {c.name: c.kind for c in workspace.sync()}
    assert kinds == {"02_two.ipynb": "restored", "03_three.ipynb": "added"}


def test_notebook_matching_the_new_version_is_recorded_not_offered(workspace, pristine):
    edit(workspace.folder / "01_one.ipynb", "x = 10")
    edit(pristine / "01_one.ipynb", "x = 10")
    assert workspace.sync() == []
    assert not (workspace.folder / "01_one.updated.ipynb").exists()


def test_reset_backs_up_then_restores_one_notebook(workspace):
    mine = workspace.folder / "01_one.ipynb"
    edit(mine, "x = 'my answer'")
    edit(workspace.folder / "02_two.ipynb", "y = 'kept'")
    backup, changes = workspace.reset(["01"])
    assert source_of(mine) == "x = 1  # YOUR CODE HERE"
    assert source_of(backup / "01_one.ipynb") == "x = 'my answer'"
    assert backup.parent == workspace.folder / BACKUPS
    assert source_of(workspace.folder / "02_two.ipynb") == "y = 'kept'"
    assert [c.name for c in changes] == ["01_one.ipynb"]


def test_reset_all_removes_offers_and_keeps_them_in_the_backup(workspace, pristine):
    edit(workspace.folder / "01_one.ipynb", "x = 'my answer'")
    edit(pristine / "01_one.ipynb", "version 2")
    workspace.sync()
    backup, _changes = workspace.reset()
    assert sorted(p.name for p in backup.iterdir()) == [
        "01_one.ipynb",
        "01_one.updated.ipynb",
        "02_two.ipynb",
    ]
    assert not (workspace.folder / "01_one.updated.ipynb").exists()
    assert source_of(workspace.folder / "01_one.ipynb") == "version 2"
    assert workspace.sync() == []
    # Two resets in the same second keep both backups.
    second, _ = workspace.reset()
    assert second != backup and second.exists()


def test_reset_command_names_the_backup(workspace, capsys):
    edit(workspace.folder / "02_two.ipynb", "y = 'mine'")
    assert cli.main(["reset", "02_two", "--workspace", str(workspace.folder)]) == 0
    out = capsys.readouterr().out
    assert "02_two.ipynb: back to the start" in out and str(workspace.folder / BACKUPS) in out
    assert cli.main(["reset", "--workspace", str(workspace.folder)]) == 2
    assert cli.main(["reset", "nope", "--workspace", str(workspace.folder)]) == 2


def test_resolve_names_notebooks_by_number_stem_or_file(workspace):
    for name in ("01", "01_one", "01_one.ipynb"):
        assert workspace.resolve(name) == workspace.folder / "01_one.ipynb"
    with pytest.raises(LookupError, match="matches several"):
        workspace.resolve("0")


def test_find_workspace_from_anywhere(tmp_path, workspace, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    inner = workspace.folder / "scratch"
    inner.mkdir()
    assert find_workspace(inner) == workspace.folder
    assert find_workspace(tmp_path) == Layout().workspace
    monkeypatch.setenv(ENV, str(tmp_path / "elsewhere"))
    assert find_workspace(inner) == tmp_path / "elsewhere"


def test_a_folder_of_fetched_notebooks_is_its_own_workspace(tmp_path, candidate_00, monkeypatch):
    """Notebooks fetched from an nbgrader exchange: no manifest, no pristine copies."""
    monkeypatch.delenv(ENV, raising=False)
    fetched, instructor, other = (tmp_path / name for name in ("fetched", "instructor", "other"))
    for folder, notebook in ((fetched, candidate_00), (instructor, ORIENTATION)):
        folder.mkdir()
        shutil.copyfile(notebook, folder / notebook.name)
    write_notebook(other / "scratch.ipynb", "1 + 1")
    assert find_workspace(fetched) == fetched
    assert find_workspace(instructor) == Layout().workspace, "never the instructor notebooks"
    assert find_workspace(other) == Layout().workspace, "only the workbook's notebooks"


def test_repository_builds_candidate_versions_once(repo_layout):
    assert not repo_layout.is_bundle
    release = repo_layout.pristine()
    (built,) = release.glob("*.ipynb")
    assert "BEGIN SOLUTION" not in built.read_text()
    stamp = built.stat().st_mtime_ns
    assert repo_layout.pristine() == release and built.stat().st_mtime_ns == stamp


def test_bundle_uses_its_candidate_notebooks_as_they_are(tmp_path, candidate_00):
    bundle = Layout(tmp_path / "bundle")
    bundle.notebooks.mkdir(parents=True)
    (bundle.notebooks / candidate_00.name).write_bytes(candidate_00.read_bytes())
    assert bundle.is_bundle and bundle.pristine() == bundle.notebooks
    space, changes = open_workspace(bundle)
    assert space.folder == tmp_path / "bundle" / "build" / "workspace"
    assert [c.name for c in changes] == [candidate_00.name]
    assert not (bundle.build / "lab" / "course").exists(), "A bundle builds nothing."
    assert os.listdir(bundle.notebooks) == [candidate_00.name], "The bundle's copy stays pristine."


def test_reset_in_a_fetched_folder_says_why_it_cannot(tmp_path, candidate_00, monkeypatch, capsys):
    monkeypatch.delenv(ENV, raising=False)
    shutil.copyfile(candidate_00, tmp_path / candidate_00.name)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["reset", "00"]) == 2
    error = capsys.readouterr().err
    assert "without their starting versions" in error and "Assignment List" in error
    assert "make lab" not in error
