"""The candidate's workspace: their own copies of the candidate notebooks, never overwritten.

The *pristine* notebooks are the candidate versions: built from the instructor notebooks by
``nbgrader generate_assignment`` in the repository, or ``notebooks/`` itself in a candidate
bundle (which holds no solutions). The workspace (``build/workspace/``, ignored by git) holds
the person's copies. A manifest (``.workbook.json``) records, per notebook, the hash of the
content placed there; a notebook whose content no longer has that hash has been edited, and
nothing here overwrites it: a newer pristine version goes beside it as ``NAME.updated.ipynb``,
and ``reset`` keeps a timestamped backup under ``.backups/`` before restoring a notebook.
"""

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workbook.course import ASSIGNMENT, Course
from workbook.notebook import instructor_markers
from workbook.paths import REPO_DIR

MANIFEST = ".workbook.json"
BACKUPS = ".backups"
UPDATED = ".updated"
# Markers only an instructor notebook has: their presence means "build the candidate version".
WORKSPACE_ENV = "WORKBOOK_WORKSPACE"


def content_hash(path):
    """Return a hash of what a person writes in a notebook: each cell's type and source.

    Outputs, execution counts and metadata are left out, so running cells or saving an
    untouched notebook does not count as editing it. Returns ``None`` for a file that is not
    a readable notebook (which is then treated as edited: never overwritten).
    """
    try:
        return text_hash(Path(path).read_bytes())
    except OSError:
        return None


def text_hash(data):
    """Return ``content_hash`` of a notebook's text or bytes (``None`` if it is no notebook)."""
    try:
        cells = json.loads(data)["cells"]
        parts = [
            [
                cell["cell_type"],
                "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"],
            ]
            for cell in cells
        ]
    except (ValueError, KeyError, TypeError):
        return None
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def is_instructor_notebook(path):
    """Return whether ``path`` still holds solutions, hidden tests or rubrics."""
    text = Path(path).read_text(encoding="utf-8")
    return bool(instructor_markers(text))


def notebooks_in(folder):
    """Return the notebooks of ``folder`` in order, without side-by-side updates."""
    return sorted(path for path in Path(folder).glob("*.ipynb") if not path.stem.endswith(UPDATED))


class Layout:
    """Where things live under a repository or candidate-bundle root (``build/`` is ignored)."""

    def __init__(self, root=REPO_DIR):
        self.root = Path(root).resolve()
        self.notebooks = self.root / "notebooks"
        self.build = self.root / "build"
        self.workspace = self.build / "workspace"
        self.lab = self.build / "lab"  # candidate build, Jupyter config, local exchange

    @property
    def is_bundle(self):
        """A candidate bundle: ``notebooks/`` already holds candidate versions."""
        found = notebooks_in(self.notebooks)
        return bool(found) and not any(map(is_instructor_notebook, found))

    def pristine(self):
        """Return the folder of candidate notebooks, building it from the sources if needed."""
        sources = notebooks_in(self.notebooks)
        if not sources:
            raise FileNotFoundError(f"No notebooks in {self.notebooks}: nothing to work on.")
        if self.is_bundle:
            return self.notebooks
        return self._build_candidate_versions(sources)

    def _build_candidate_versions(self, sources):
        stamp_file = self.lab / "sources.json"
        course_root = self.lab / "course"
        release = course_root / "release" / ASSIGNMENT
        stamp = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sources}
        try:
            if json.loads(stamp_file.read_text()) == stamp and all(
                (release / name).exists() for name in stamp
            ):
                return release
        except (OSError, ValueError):
            pass
        print(f"Building the candidate notebooks from {len(sources)} instructor notebooks...")
        shutil.rmtree(course_root, ignore_errors=True)
        course = Course(course_root)
        course.add_sources(sources)
        course.generate()
        stamp_file.write_text(json.dumps(stamp, indent=1))
        return release


def find_workspace(start=None):
    """Return the workspace folder to use, wherever the command runs from.

    In order: ``$WORKBOOK_WORKSPACE``; a folder holding a workspace manifest at or above
    ``start`` (the current folder: a notebook's kernel runs inside the workspace); ``start``
    itself when it holds candidate notebooks but no manifest (fetched from an nbgrader
    exchange, copied by hand); the workspace of the repository or bundle this package is
    installed from.
    """
    if os.environ.get(WORKSPACE_ENV):
        return Path(os.environ[WORKSPACE_ENV]).resolve()
    here = Path(start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        if (folder / MANIFEST).is_file():
            return folder
    layout = Layout()
    if here != layout.notebooks and holds_candidate_notebooks(here):
        return here
    return layout.workspace


def holds_candidate_notebooks(folder):
    """Return whether ``folder`` holds workbook notebooks in their candidate version."""
    for path in notebooks_in(folder):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, ValueError):
            continue
        if '"nbgrader"' in text and not instructor_markers(text):
            return True
    return False


@dataclass(frozen=True)
class Change:
    """One thing ``sync`` or ``reset`` did to a notebook, with the line to tell the person."""

    kind: str  # added, restored, updated, offered, pending, reset
    name: str
    message: str


class Workspace:
    """A folder of the person's notebooks plus the manifest of what was placed there."""

    def __init__(self, folder, pristine=None):
        self.folder = Path(folder).resolve()
        self.manifest_path = self.folder / MANIFEST
        self.manifest = self._load_manifest()
        if pristine is not None:
            self.manifest["pristine"] = str(Path(pristine).resolve())

    @property
    def pristine(self):
        """The folder of pristine candidate notebooks this workspace was filled from."""
        recorded = self.manifest.get("pristine")
        return Path(recorded) if recorded else None

    def notebooks(self):
        return notebooks_in(self.folder)

    def resolve(self, name):
        """Return the workspace notebook that ``name`` names (``02``, ``02_x``, a path...)."""
        candidates = self.notebooks() or (notebooks_in(self.pristine) if self.pristine else [])
        stem = Path(name).name.removesuffix(".ipynb")
        matches = [path for path in candidates if path.stem == stem]
        matches = matches or [path for path in candidates if path.stem.startswith(stem)]
        if len(matches) != 1:
            known = ", ".join(path.stem for path in candidates) or "none"
            problem = "matches several notebooks" if matches else "matches no notebook"
            raise LookupError(f"{name!r} {problem} in {self.folder} (notebooks: {known}).")
        return self.folder / matches[0].name

    def untouched(self, path):
        """Return whether the notebook at ``path`` is still as the person got it: the version
        placed there or the current pristine one (``False`` when neither is known)."""
        current = content_hash(path)
        placed = self._entries().get(Path(path).name, {}).get("placed")
        pristine = self.pristine / Path(path).name if self.pristine else None
        started = {placed, content_hash(pristine) if pristine and pristine.is_file() else None}
        return current is not None and current in started

    def sync(self):
        """Place new pristine notebooks; never overwrite one the person has edited.

        An untouched notebook whose pristine version changed is replaced; an edited one gets
        the new version beside it as ``NAME.updated.ipynb``. Returns the changes made.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        changes = []
        for source in notebooks_in(self.pristine):
            change = self._sync_one(source)
            if change:
                changes.append(change)
        self._save_manifest()
        return changes

    def reset(self, names=None):
        """Put notebooks (all when ``names`` is None) back to pristine, backing up the old ones.

        Returns ``(backup folder or None, changes)``.
        """
        sources = notebooks_in(self.pristine)
        if names is not None:
            wanted = {self.resolve(name).name for name in names}
            sources = [path for path in sources if path.name in wanted]
            missing = wanted - {path.name for path in sources}
            if missing:
                raise LookupError(f"No pristine version of {sorted(missing)} in {self.pristine}.")
        backup = self._new_backup_folder()
        changes = []
        for source in sources:
            target = self.folder / source.name
            kept = [path for path in (target, self._updated_path(source.name)) if path.exists()]
            for path in kept:
                backup.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, backup / path.name)
            self._updated_path(source.name).unlink(missing_ok=True)
            self._place(source, target)
            where = f" (your version is in {backup.relative_to(self.folder)}/)" if kept else ""
            changes.append(
                Change("reset", source.name, f"{source.name}: back to the start{where}.")
            )
        self._save_manifest()
        return (backup if backup.exists() else None), changes

    def _sync_one(self, source):
        name = source.name
        target = self.folder / name
        entry = self._entries().get(name)
        new = content_hash(source)
        if not target.exists():
            self._place(source, target)
            kind = "restored" if entry else "added"
            return Change(kind, name, f"{name}: {kind}.")
        current = content_hash(target)
        placed = entry["placed"] if entry else None
        if new == placed:  # the pristine version has not changed since it was placed
            return None
        if new == current:  # the person's notebook already is the newest version
            self._entries()[name] = {"placed": new}
            return None
        if current is not None and current == placed:  # untouched: take the new version
            self._place(source, target)
            return Change("updated", name, f"{name}: updated to the newest version.")
        return self._offer(source, entry)

    def _offer(self, source, entry):
        """Put a newer version beside the person's edited notebook, once per version."""
        name = source.name
        entry = entry or {"placed": None}
        updated = self._updated_path(name)
        new = content_hash(source)
        if updated.exists() and entry.get("offered") == new and content_hash(updated) == new:
            return Change(
                "pending",
                name,
                f"{name}: a newer version still waits in {updated.name} (yours is unchanged).",
            )
        if updated.exists() and content_hash(updated) != entry.get("offered"):
            backup = self._new_backup_folder()  # the person edited the offered copy: keep it
            backup.mkdir(parents=True)
            shutil.copy2(updated, backup / updated.name)
        shutil.copyfile(source, updated)
        self._entries()[name] = {**entry, "offered": new}
        return Change(
            "offered",
            name,
            f"{name}: you have edited it and a newer version exists; your notebook is unchanged "
            f"and the new one is beside it as {updated.name}. Compare them, copy what you need, "
            f"or run `workbook reset {source.stem}` (your version is backed up first).",
        )

    def _place(self, source, target):
        shutil.copyfile(source, target)
        self._entries()[target.name] = {"placed": content_hash(target)}

    def _updated_path(self, name):
        return self.folder / (Path(name).stem + UPDATED + ".ipynb")

    def _new_backup_folder(self):
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = self.folder / BACKUPS / stamp
        counter = 1
        while folder.exists():
            folder = self.folder / BACKUPS / f"{stamp}-{counter}"
            counter += 1
        return folder

    def _entries(self):
        return self.manifest.setdefault("notebooks", {})

    def _load_manifest(self):
        try:
            return json.loads(self.manifest_path.read_text())
        except (OSError, ValueError):
            return {}

    def _save_manifest(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.manifest_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.manifest, indent=1, sort_keys=True))
        temporary.replace(self.manifest_path)


def open_workspace(layout=None):
    """Return the layout's workspace, synced with the current candidate notebooks."""
    layout = layout or Layout()
    workspace = Workspace(layout.workspace, pristine=layout.pristine())
    return workspace, workspace.sync()
