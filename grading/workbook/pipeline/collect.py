"""``workbook collect``: import submissions (zip files and folders, one per candidate).

The candidate id is the file or folder name, sanitised (``Alice Smith.zip`` -> ``alice-smith``).
Notebooks are found by file name anywhere inside; nothing is ever extracted by the names an
archive gives, and the originals are only read. Each problem (unsafe path, symlink, notebook
that is not valid, missing or extra notebook, duplicate id) gets one message naming the file,
and everything else is imported into nbgrader's layout ``submitted/<id>/<assignment>/``. A
folder with no notebook at its top level is taken as a folder of submissions.

When a submission holds several files of one name (a whole workspace zipped, a bundle with its
starting notebooks), the answer is never lost to a copy: a backup (under ``.backups/``) counts
less than the unanswered starting version (identical to the released one), which counts less
than any other copy; the best is imported and a note names the copies left aside. Two
different copies at the best rank are ambiguous: that notebook is refused, both paths named.
Checkpoints and ``*.updated.ipynb`` (a newer starting version) are never answers.
"""

import os
import re
import shutil
import stat
import sys
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import nbformat

from workbook.candidate.workspace import BACKUPS, UPDATED, content_hash, text_hash
from workbook.course import Course
from workbook.errors import CommandError

MAX_NOTEBOOK_BYTES = 20 * 2**20
IGNORED = ("__MACOSX", ".ipynb_checkpoints")
# What reading one member can raise: a bad CRC or header (BadZipFile), corrupt data (zlib,
# EOF), encryption (RuntimeError), an unsupported compression method (NotImplementedError).
UNREADABLE_MEMBER = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    RuntimeError,
    NotImplementedError,
    OSError,
    ValueError,
)


@dataclass
class Collected:
    imported: dict = field(default_factory=dict)  # candidate id -> source path
    problems: list = field(default_factory=list)  # (path, message): one per bad input
    notes: list = field(default_factory=list)  # (path, message): choices made, nothing wrong

    def problem(self, path, message):
        """Record what is wrong with the input at ``path``."""
        self.problems.append((str(path), message))

    def note(self, path, message):
        """Record a choice made while importing ``path`` (e.g. which copy of a notebook)."""
        self.notes.append((str(path), message))


def candidate_id(path):
    """Return the candidate id a submission's file or folder name gives."""
    name = Path(path).name
    if name.lower().endswith(".zip"):
        name = name[:-4]
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # é -> e
    return re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-_")


def expand(paths):
    """Return the submissions among ``paths`` (a folder without notebooks holds several)."""
    found = []
    for path in map(Path, paths):
        if path.is_dir() and not path.is_symlink() and not any(path.glob("*.ipynb")):
            found += sorted(p for p in path.iterdir() if p.suffix == ".zip" or p.is_dir())
        else:
            found.append(path)
    return found


def _unsafe(name):
    pure = PurePosixPath(name.replace("\\", "/"))
    return pure.is_absolute() or ".." in pure.parts or re.match(r"^[A-Za-z]:", name)


def read_zip(path, problem):
    """Return ``{file name: [(path inside, bytes), ...]}`` of the notebooks in a zip file."""
    files = {}
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        problem(f"not a readable zip file ({error}); nothing imported.")
        return files
    with archive:
        for info in archive.infolist():
            name = info.filename
            if info.is_dir() or any(part in IGNORED for part in name.split("/")):
                continue
            if _unsafe(name):
                problem(f"{name!r} has an unsafe path (absolute or ..); skipped.")
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                problem(f"{name!r} is a symbolic link; skipped.")
                continue
            if name.endswith(".ipynb"):
                try:
                    with archive.open(info) as member:
                        data = member.read(MAX_NOTEBOOK_BYTES + 1)
                except UNREADABLE_MEMBER as error:
                    reason = str(error) or type(error).__name__
                    problem(f"{name!r} cannot be read from the zip ({reason}); skipped.")
                    continue
                _add(files, name, data, problem)
    return files


def read_folder(path, problem):
    """Return ``{file name: [(path inside, bytes), ...]}`` of a folder's notebooks (symlinks
    not followed)."""
    files = {}
    for folder, dirs, names in os.walk(path, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in IGNORED)
        for entry in [*dirs, *names]:
            full = Path(folder, entry)
            if full.is_symlink():
                problem(f"{full.relative_to(path)} is a symbolic link; skipped.")
        for name in sorted(names):
            full = Path(folder, name)
            if name.endswith(".ipynb") and not full.is_symlink():
                with open(full, "rb") as notebook:
                    data = notebook.read(MAX_NOTEBOOK_BYTES + 1)
                _add(files, full.relative_to(path).as_posix(), data, problem)
    return files


def _add(files, inside, data, problem):
    if len(data) > MAX_NOTEBOOK_BYTES:
        problem(f"{inside} is larger than {MAX_NOTEBOOK_BYTES // 2**20} MB; skipped.")
    else:
        files.setdefault(PurePosixPath(inside).name, []).append((inside, data))


def _rank(inside, data, released):
    """Return how much a copy counts against others of its name (0 best) and what it is."""
    if BACKUPS in PurePosixPath(inside).parts:
        return 2, "a backup"
    if released and text_hash(data) == released:
        return 1, "the unanswered starting version"
    return 0, None


def choose(files, released, problem, note):
    """Return ``{file name: bytes}``, one copy per name, and the names refused as ambiguous.

    ``released`` maps names to the ``content_hash`` of their released (starting) version.
    """
    chosen, refused = {}, set()
    for name, copies in sorted(files.items()):
        ranked = sorted(
            (_rank(inside, data, released.get(name)), inside, data) for inside, data in copies
        )
        (best, _), inside, data = ranked[0]
        rivals = [other for (rank, _), other, text in ranked[1:] if rank == best and text != data]
        if rivals:
            refused.add(name)
            paths = " and ".join([inside, *rivals])
            problem(
                f"holds different files named {name} ({paths}), neither a backup nor the "
                f"starting version; {name} not imported (it scores 0): keep the one to grade "
                "and collect again."
            )
            continue
        chosen[name] = data
        left = [f"{other} ({what})" for (rank, what), other, _ in ranked[1:] if rank > best]
        if left:
            note(f"{name}: used {inside}, not {', '.join(left)}.")
    return chosen, refused


def parse(files, expected, problem, refused=()):
    """Return the valid expected notebooks as ``{name: NotebookNode}``."""
    notebooks = {}
    for name, data in sorted(files.items()):
        if name.endswith(UPDATED + ".ipynb") and name.replace(UPDATED, "") in expected:
            continue  # a newer starting version the workspace offered: never an answer
        if name not in expected:
            problem(f"{name} is not a notebook of this assignment; skipped.")
            continue
        try:
            notebook = nbformat.reads(data.decode("utf-8"), as_version=4)
            nbformat.validate(notebook)
        except Exception as error:  # JSON, encoding or schema: all mean "not a notebook"
            summary = str(error).splitlines()[0][:200]
            problem(f"{name} is not a valid notebook ({summary}); it scores 0.")
            continue
        notebooks[name] = notebook
    for name in sorted(expected - set(files) - set(refused)):
        problem(f"{name} is missing; it scores 0.")
    return notebooks


def write_submission(course, student, notebooks):
    """Replace ``student``'s submission with ``notebooks`` (a resubmission replaces all)."""
    target = course.folder("submitted", student)
    partial = target.with_name(f".{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name, notebook in notebooks.items():
        nbformat.write(notebook, partial / name)
    shutil.rmtree(target, ignore_errors=True)
    os.replace(partial, target)


def expected_notebooks(course):
    names = {path.name for path in course.folder("source").glob("*.ipynb")}
    if not names:
        raise CommandError(
            f"{course.folder('source')} has no notebooks: run `workbook release` first."
        )
    return names


def released_hashes(course):
    """Return ``{name: content_hash}`` of the course's released (starting) notebooks."""
    return {path.name: content_hash(path) for path in course.folder("release").glob("*.ipynb")}


def collect(course, paths):
    """Import the submissions at ``paths`` into ``course``; return what was done."""
    expected = expected_notebooks(course)
    released = released_hashes(course)
    result = Collected()
    for path in expand(paths):
        student = candidate_id(path)
        if not path.exists():
            result.problem(path, "does not exist.")
            continue
        if not student:
            result.problem(path, "gives no usable candidate id; rename it (letters, digits, -).")
            continue
        if student in result.imported:
            first = result.imported[student]
            result.problem(
                path,
                f"candidate id {student!r} is already taken by {first}; not imported. "
                "Rename one of them and collect it again.",
            )
            continue
        issues = []  # what is wrong with this submission: one message in the end
        if path.is_dir() and not path.is_symlink():
            read = read_folder
        elif path.is_file() and not path.is_symlink() and path.suffix.lower() == ".zip":
            read = read_zip
        else:
            result.problem(path, "is neither a zip file nor a folder; not imported.")
            continue
        try:
            copies = read(path, issues.append)
        except OSError as error:  # e.g. a file we may not read
            result.problem(path, f"cannot be read ({error}); not imported.")
            continue
        notes = []
        files, refused = choose(copies, released, issues.append, notes.append)
        readable = files or refused or not issues
        notebooks = parse(files, expected, issues.append, refused) if readable else {}
        if notebooks:
            write_submission(course, student, notebooks)
            result.imported[student] = str(path)
            for message in notes:
                result.note(path, message)
        if issues and notebooks:
            result.problem(path, f"imported as {student!r}, but: " + " ".join(issues))
        elif not notebooks:
            found = " ".join(issues) or "it holds no notebook of this assignment."
            result.problem(path, f"not imported: {found}")
    return result


def report(result, stream=sys.stdout):
    for path, message in result.notes:
        print(f"{path}: {message}", file=stream)
    for path, message in result.problems:
        print(f"{path}: {message}", file=sys.stderr)
    print(
        f"Imported {len(result.imported)} submission(s): {', '.join(result.imported)}", file=stream
    )


def run(args):
    result = collect(Course(args.course), args.paths)
    report(result)
    return 1 if result.problems else 0
