"""Grading notes: what went wrong while grading a candidate, kept for the grader to read.

While a notebook is graded, the isolation layer records notes with ``add`` (a kernel that died,
a cell that touched the guard, output that was cut); the worker ``take``s them with its result.
The grader keeps them in ``<course>/grading_notes.json`` as
``{"<student>": [{"notebook": ..., "note": ...}]}``: ``write`` replaces the graded students'
entries, ``read`` reads the file and says what is wrong with it rather than failing.
"""

import json
import os

NOTES_FILE = "grading_notes.json"

_collected = []  # (notebook, note) of the notebook being graded in this process


def add(notebook, note):
    """Record a note about ``notebook`` (its name without ``.ipynb``)."""
    _collected.append((notebook, note))


def take():
    """Return the notes recorded since the last ``take`` and forget them."""
    taken = list(_collected)
    _collected.clear()
    return taken


def path(course):
    return course.root / NOTES_FILE


def read(course):
    """Return ``({student: [(notebook, note)]}, problem)``; ``problem`` names a broken file."""
    file = path(course)
    if not file.exists():
        return {}, None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return {}, f"{file} could not be read ({error}); fix or delete it and rerun."
    if not isinstance(data, dict):
        return {}, f"{file} should hold an object keyed by student; it holds something else."
    notes = {}
    for student, entries in data.items():
        if not isinstance(entries, list):
            entries = [entries]
        for entry in entries:
            if isinstance(entry, dict):
                notebook, note = entry.get("notebook", ""), entry.get("note", "")
            else:
                notebook, note = "", entry
            notes.setdefault(str(student), []).append((str(notebook or ""), str(note)))
    return notes, None


def write(course, graded):
    """Replace the notes of the ``graded`` students (``{student: [(notebook, note)]}``), and
    only theirs: a student graded with no notes loses their old ones. Return the file's path.

    A broken notes file is replaced (its content could not be kept anyway).
    """
    notes, _ = read(course)
    notes.update(graded)
    entries = {
        student: [{"notebook": notebook, "note": note} for notebook, note in student_notes]
        for student, student_notes in sorted(notes.items())
        if student_notes
    }
    file = path(course)
    partial = file.with_suffix(".partial")
    partial.write_text(json.dumps(entries, indent=2, sort_keys=True) + "\n")
    os.replace(partial, file)
    return file
