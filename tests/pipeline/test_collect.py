"""``workbook collect``: good submissions are imported, each bad input gets one clear message.

Every case imports a good submission beside the bad one; the originals are never modified.
"""

import hashlib
import os
import stat
import zipfile

import nbformat
import pytest
from workbook.course import Course
from workbook.paths import NOTEBOOKS_DIR
from workbook.pipeline.collect import candidate_id, collect, expand

SOURCE = NOTEBOOKS_DIR / "00_orientation.ipynb"
NAME = SOURCE.name


@pytest.fixture
def course(tmp_path):
    course = Course(tmp_path / "course")
    course.add_sources([SOURCE])  # collect needs only the source notebooks' names
    return course


def _zip(path, members):
    """Write a zip whose members are ``{name: bytes}`` or ``{name: ("symlink", target)}``."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            if isinstance(data, tuple):
                info = zipfile.ZipInfo(name)
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                archive.writestr(info, data[1])
            else:
                archive.writestr(name, data)
    return path


def _folder(path, files):
    path.mkdir(parents=True)
    for name, data in files.items():
        (path / name).write_bytes(data)
    return path


NOTEBOOK = SOURCE.read_bytes()


def _unsafe_absolute(tmp):
    return _zip(tmp / "eve.zip", {f"/etc/{NAME}": NOTEBOOK}), "unsafe path"


def _unsafe_parent(tmp):
    return _zip(tmp / "eve.zip", {f"../../{NAME}": NOTEBOOK}), "unsafe path"


def _zip_symlink(tmp):
    return _zip(tmp / "eve.zip", {NAME: ("symlink", "/etc/passwd")}), "symbolic link"


def _folder_symlink(tmp):
    folder = _folder(tmp / "eve", {})
    os.symlink(SOURCE, folder / NAME)
    return folder, "symbolic link"


def _not_json(tmp):
    return _zip(tmp / "eve.zip", {NAME: b"{ this is not json"}), "not a valid notebook"


def _missing(tmp):
    return _zip(tmp / "eve.zip", {"notes.txt": b"hello"}), "is missing"


def _extra(tmp):
    return _folder(tmp / "eve", {NAME: NOTEBOOK, "99_mine.ipynb": NOTEBOOK}), "99_mine.ipynb"


def _not_a_zip(tmp):
    path = tmp / "eve.zip"
    path.write_bytes(b"PK but not really")
    return path, "not a readable zip"


def _patched_zip(tmp, local, central):
    """A zip of one notebook, its member's headers patched: ``{offset: bytes}`` for each."""
    path = _zip(tmp / "eve.zip", {NAME: NOTEBOOK})
    data = bytearray(path.read_bytes())
    for signature, patches in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
        start = data.index(signature)
        for offset, value in patches.items():
            data[start + offset : start + offset + len(value)] = value
    path.write_bytes(bytes(data))
    return path


def _bad_crc(tmp):
    path = _zip(tmp / "eve.zip", {NAME: NOTEBOOK})
    data = path.read_bytes()
    at = data.index(b"nbformat")
    path.write_bytes(data[:at] + b"NBFORMAT" + data[at + 8 :])
    return path, "cannot be read"


def _encrypted(tmp):
    return _patched_zip(tmp, {6: b"\x01\x00"}, {8: b"\x01\x00"}), "cannot be read"


def _unknown_compression(tmp):
    return _patched_zip(tmp, {8: b"\x61\x00"}, {10: b"\x61\x00"}), "cannot be read"


def _duplicate(tmp):
    return _folder(tmp / "Alice", {NAME: NOTEBOOK}), "already taken"


CASES = [
    _unsafe_absolute,
    _unsafe_parent,
    _zip_symlink,
    _folder_symlink,
    _not_json,
    _missing,
    _extra,
    _not_a_zip,
    _bad_crc,
    _encrypted,
    _unknown_compression,
    _duplicate,
]


@pytest.mark.parametrize("make_bad", CASES, ids=lambda f: f.__name__.strip("_"))
def test_bad_input_gets_one_message_and_the_rest_is_imported(course, tmp_path, make_bad):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = _zip(inbox / "alice.zip", {f"alice/{NAME}": NOTEBOOK})
    bad, words = make_bad(inbox)
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (good, bad) if p.is_file()}

    result = collect(course, [good, bad])

    assert "alice" in result.imported
    assert (course.folder("submitted", "alice") / NAME).exists()
    assert len(result.problems) == 1, result.problems
    path, message = result.problems[0]
    assert path == str(bad) and words in message, result.problems
    for original, digest in digests.items():
        assert hashlib.sha256(original.read_bytes()).hexdigest() == digest
    if words == "is missing" or words == "already taken":
        return
    submitted = course.root / "submitted"
    assert not list(submitted.rglob("passwd")) and not (course.root.parent / "etc").exists()


def test_resubmission_replaces_the_whole_submission(course, tmp_path):
    first = _folder(tmp_path / "one" / "bob", {NAME: NOTEBOOK, "stray.ipynb": NOTEBOOK})
    collect(course, [first])
    stub = nbformat.read(SOURCE, as_version=4)
    stub.cells = stub.cells[:3]
    second = tmp_path / "two" / "bob"
    second.mkdir(parents=True)
    nbformat.write(stub, second / NAME)
    collect(course, [second])
    stored = nbformat.read(course.folder("submitted", "bob") / NAME, as_version=4)
    assert len(stored.cells) == 3
    assert sorted(p.name for p in course.folder("submitted", "bob").iterdir()) == [NAME]


def test_a_folder_of_submissions_is_expanded(tmp_path):
    inbox = tmp_path / "inbox"
    _folder(inbox / "carol", {NAME: NOTEBOOK})
    _zip(inbox / "dave.zip", {NAME: NOTEBOOK})
    assert [p.name for p in expand([inbox])] == ["carol", "dave.zip"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Alice Smith.zip", "alice-smith"),
        ("bob", "bob"),
        ("../x..y", "x-y"),
        ("Émile Zola.zip", "emile-zola"),
        ("李.zip", ""),
    ],
)
def test_candidate_id_is_sanitised(name, expected):
    assert candidate_id(name) == expected


def _variant(label):
    """Notebook 00 with its first cell saying ``label``: one more distinct copy of it."""
    notebook = nbformat.read(SOURCE, as_version=4)
    notebook.cells[0].source = label
    return nbformat.writes(notebook).encode()


def _submission(tmp, kind, files):
    """Make the submission ``carol`` as a zip or a folder holding ``{relative path: bytes}``."""
    if kind == "zip":
        return _zip(tmp / "carol.zip", files)
    folder = tmp / "carol"
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def _imported(course):
    return nbformat.read(course.folder("submitted", "carol") / NAME, as_version=4).cells[0].source


KINDS = pytest.mark.parametrize("kind", ["zip", "folder"])


@KINDS
def test_a_backup_never_wins_over_the_answer(course, tmp_path, kind):
    backup = f".backups/20261129-101500/{NAME}"
    # the backup comes first: the order of the files must not matter
    path = _submission(tmp_path, kind, {backup: _variant("old"), NAME: _variant("mine")})
    result = collect(course, [path])
    assert result.imported == {"carol": str(path)} and not result.problems, result.problems
    assert _imported(course) == "mine"
    ((where, message),) = result.notes
    assert where == str(path) and f"used {NAME}, not {backup} (a backup)" in message


@KINDS
def test_the_starting_version_never_wins_over_the_answer(course, tmp_path, kind):
    released = course.folder("release")
    released.mkdir(parents=True)
    (released / NAME).write_bytes(_variant("stub"))
    stub = f"notebooks/{NAME}"  # e.g. a whole bundle sent, starting notebooks and all
    path = _submission(tmp_path, kind, {stub: _variant("stub"), NAME: _variant("mine")})
    result = collect(course, [path])
    assert not result.problems, result.problems
    assert _imported(course) == "mine"
    assert f"not {stub} (the unanswered starting version)" in result.notes[0][1]


@KINDS
def test_two_different_answers_of_one_name_are_refused_naming_both(course, tmp_path, kind):
    files = {NAME: _variant("first"), f"copy/{NAME}": _variant("second")}
    path = _submission(tmp_path, kind, files)
    result = collect(course, [path])
    assert result.imported == {}
    ((where, message),) = result.problems
    assert where == str(path) and f"({NAME} and copy/{NAME})" in message
    assert f"{NAME} not imported" in message and "is missing" not in message
    assert not course.folder("submitted", "carol").exists()


@KINDS
def test_identical_copies_and_an_offered_update_import_quietly(course, tmp_path, kind):
    update = NAME.replace(".ipynb", ".updated.ipynb")
    files = {NAME: _variant("mine"), f"b/{NAME}": _variant("mine"), update: NOTEBOOK}
    path = _submission(tmp_path, kind, files)
    result = collect(course, [path])
    assert (result.problems, result.notes) == ([], [])
    assert _imported(course) == "mine"
