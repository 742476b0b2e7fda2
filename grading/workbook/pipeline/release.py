"""``workbook release``: build the candidate notebooks and the candidate bundle.

nbgrader's ``generate_assignment`` turns the instructor notebooks (``--source``, default
``notebooks/``) into candidate versions in ``<out>/course/release/`` and records the graded
cells in the course gradebook, ready for ``collect`` and ``autograde``. The bundle
(``<out>/workbook-candidate.zip``) holds what a candidate needs to run ``make lab``: the
candidate notebooks, the sandbox project, the toolkit and the packaging files, and a README.
It holds no solution, hidden test, mark scheme, answer fixture, test suite or git history;
the release step checks that before it writes the zip.
"""

import fnmatch
import shutil
import sys
import zipfile
from pathlib import Path

from workbook.course import Course
from workbook.notebook import instructor_markers
from workbook.paths import BUILD_DIR, NOTEBOOKS_DIR, REPO_DIR

BUNDLE_NAME = "workbook-candidate.zip"
TOP = "django-interview-workbook"
# What the bundle carries from the repository, besides the candidate notebooks.
SHIPPED = ["sandbox_project", "grading", "pyproject.toml", "environment.yml", "Makefile"]
NOT_SHIPPED = ["__pycache__", "*.pyc", "*.sqlite3", "*.egg-info", ".ipynb_checkpoints", ".*"]

README = """# Django Interview Workbook

Classic Django interview questions, answered by doing: each notebook boots a small live Django
project (the *sandbox*) and asks you to build things in it. Visible tests under each task tell
you how you are doing; the graders run further tests on what you submit.

## Start

You need Python 3.11, 3.12 or 3.13 and `make` (or run the commands the Makefile shows by
hand).

    make lab

The first run creates a virtual environment in `.venv/` and installs everything (a few
minutes), then opens JupyterLab on your own copies of the notebooks. Nothing else is needed:
no database server, no Docker. With conda instead: `conda env create -f environment.yml`,
`conda activate django-interview-workbook`, then `workbook lab`.

## Work

- Start with `00_orientation.ipynb`: it shows how the notebooks work.
- Replace each `raise NotImplementedError()` with your answer; run the test cell under it.
- `workbook check` runs your notebooks' visible tests; `workbook reset NOTEBOOK` restores
  a notebook (your edited copy is backed up first).

## Submit

Your work is in `build/workspace/`: your own copies of the notebooks (`notebooks/` keeps the
versions you started from). Save every notebook (Ctrl+S), then run, in JupyterLab's terminal
(File > New > Terminal):

    workbook submit --name jane-doe

with your own name in place of `jane-doe` (from another shell: `.venv/bin/workbook submit
--name jane-doe`). It packs the notebooks you have worked on into one zip,
`build/submission/jane-doe.zip`, leaving out backups, updates and notebooks you have not
changed; it lists what it packed and warns about tasks still unanswered. Send that one file:
its name is your candidate id. Keep cell ids and the test
cells as they are: the graders' tools find your answers by them.
"""


def _ignored(name):
    return any(fnmatch.fnmatch(name, pattern) for pattern in NOT_SHIPPED)


def _files(root):
    """Yield ``(path, relative path)`` for what ``root`` ships (a file or a folder)."""
    if root.is_file():
        yield root, Path(root.name)
        return
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root.parent)
        if path.is_file() and not any(_ignored(part) for part in relative.parts):
            yield path, relative


def check_clean(name, text):
    """Raise if ``text`` (a bundled file) still holds instructor-only material."""
    found = instructor_markers(text)
    if found:
        raise RuntimeError(f"{name} would carry {found} into the candidate bundle; not written.")


def build_bundle(release_folder, out_path, repo=REPO_DIR):
    """Write the candidate bundle zip (the released folder in ``notebooks/``); return its path."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path, relative in _files(Path(release_folder)):
            relative = relative.relative_to(relative.parts[0])  # drop the release folder's name
            if path.suffix == ".ipynb":
                check_clean(path.name, path.read_text(encoding="utf-8"))
            bundle.write(path, f"{TOP}/notebooks/{relative.as_posix()}")
        for item in SHIPPED:
            for path, relative in _files(repo / item):
                if path.suffix == ".ipynb":
                    check_clean(str(relative), path.read_text(encoding="utf-8"))
                bundle.write(path, f"{TOP}/{relative.as_posix()}")
        bundle.writestr(f"{TOP}/README.md", README)
    partial.replace(out_path)
    return out_path


def release(source=NOTEBOOKS_DIR, out=BUILD_DIR):
    """Build the course (candidate notebooks + gradebook) and the bundle; return both."""
    source, out = Path(source), Path(out)
    notebooks = sorted(source.glob("*.ipynb"))
    if not notebooks:
        raise RuntimeError(f"{source} has no notebooks to release.")
    course = Course(out / "course")
    stale = course.folder("source")
    if stale.exists():
        shutil.rmtree(stale)  # a notebook removed from the source must leave the course too
    course.add_source_folder(source)
    course.generate()
    bundle = build_bundle(course.folder("release"), out / BUNDLE_NAME)
    return course, bundle


def run(args):
    course, bundle = release(args.source, args.out)
    print(f"Candidate notebooks: {course.folder('release')}")
    print(f"Course (for collect/autograde): {course.root}")
    print(f"Candidate bundle: {bundle}", file=sys.stdout)
    return 0
