"""The live view: participants' saved notebooks, checked in the sandbox, counted per task."""

import os

import nbformat
import pytest
from hubtools import NOTEBOOK, TASK, WRONG, answer, right_answer
from workbook.paths import NOTEBOOKS_DIR
from workbook.workshop.folder import HubFolder
from workbook.workshop.hub import prepare
from workbook.workshop.live import Room
from workbook.workshop.room import page, status

pytestmark = [pytest.mark.sandbox, pytest.mark.xdist_group("workshop-room")]


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """A hub folder handing out notebook 00, three participants and the teacher."""
    source = tmp_path_factory.mktemp("source")
    (source / NOTEBOOK).write_bytes((NOTEBOOKS_DIR / NOTEBOOK).read_bytes())
    hub = HubFolder(tmp_path_factory.mktemp("hub"))
    prepare(hub, source)
    candidate = nbformat.read(hub.course / "release" / "workbook" / NOTEBOOK, as_version=4)
    escape = f"open({str(hub.root / 'escaped')!r}, 'w').write('out')\n" + right_answer()
    answers = {"ada": right_answer(), "bob": WRONG.read_text(), "cy": None, "eve": escape}
    for name, source_code in [*answers.items(), ("teacher", right_answer())]:
        folder = hub.home(name) / "workbook"
        folder.mkdir(parents=True)
        notebook = nbformat.from_dict(candidate)
        if source_code is not None:
            answer(notebook, TASK, source_code)
        nbformat.write(notebook, folder / NOTEBOOK)
    room = Room(hub, workers=2)
    yield room
    room.close()


def test_each_participant_shows_what_their_saved_notebook_passes(room):
    assert room.refresh() == 4  # the teacher's own folder is not part of the room
    shot = room.snapshot()
    assert shot.participants == ["ada", "bob", "cy", "eve"]
    assert [shot.passing[(name, TASK)] for name in shot.participants] == [
        True,
        False,
        False,
        False,
    ]
    data = status(shot)
    task = next(t for t in data["tasks"] if t["id"] == TASK)
    assert task["passing"] == 1 and task["summary"].startswith("1 of 4 have ")
    assert task["summary"] in page(shot, every=5)


def test_participants_code_runs_in_the_sandbox_not_the_teachers_process(room):
    room.refresh()
    assert not (room.hub.root / "escaped").exists(), "a participant's code wrote to the hub"
    assert room.snapshot().passing[("eve", TASK)] is False  # its write failed in the sandbox


def save(room, name, source):
    path = room.hub.home(name) / "workbook" / NOTEBOOK
    notebook = nbformat.read(path, as_version=4)
    nbformat.write(answer(notebook, TASK, source), path)
    os.utime(path, (1, 1))  # a new modification time, whatever the clock's resolution


def test_a_notebook_is_run_again_only_when_it_holds_something_new(room):
    room.refresh()
    assert room.refresh() == 0  # nothing saved
    save(room, "cy", right_answer())  # the same as ada's notebook: her result is reused
    assert room.refresh() == 0
    save(room, "bob", right_answer() + "\n# fixed it\n")
    assert room.refresh() == 1
    shot = room.snapshot()
    assert shot.passing[("bob", TASK)] is True and shot.passing[("cy", TASK)] is True
