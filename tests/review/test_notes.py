"""Grading notes: one file format, read leniently, written per graded student."""

import json
from types import SimpleNamespace

import pytest
from workbook.review import notes


@pytest.fixture
def course(tmp_path):
    return SimpleNamespace(root=tmp_path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({"ann": [{"notebook": "00", "note": "slow"}]}, {"ann": [("00", "slow")]}),
        ({"ann": "just text"}, {"ann": [("", "just text")]}),
        ({"ann": [{"note": 3}]}, {"ann": [("", "3")]}),
    ],
)
def test_notes_tolerate_loose_shapes(course, content, expected):
    notes.path(course).write_text(json.dumps(content))
    assert notes.read(course) == (expected, None)


def test_notes_must_be_keyed_by_student(course):
    notes.path(course).write_text("[1, 2]")
    found, problem = notes.read(course)
    assert found == {} and "keyed by student" in problem


def test_a_broken_file_is_named(course):
    notes.path(course).write_text("{oops")
    found, problem = notes.read(course)
    assert found == {} and f"{notes.NOTES_FILE} could not be read" in problem


def test_write_replaces_only_the_graded_students(course):
    notes.write(course, {"ann": [("00", "slow")], "bob": [("01", "died")]})
    notes.write(course, {"ann": [], "cid": [("*", "failed")]})
    assert notes.read(course) == ({"bob": [("01", "died")], "cid": [("*", "failed")]}, None)


def test_take_returns_what_was_added_once():
    notes.take()
    notes.add("03", "output cut")
    assert notes.take() == [("03", "output cut")]
    assert notes.take() == []
