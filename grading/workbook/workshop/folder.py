"""The hub's folder (``build/hub/`` by default): one owner for each of its paths."""

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from workbook.paths import BUILD_DIR

DEFAULT_HUB = BUILD_DIR / "hub"
# Login names become folder names and nbgrader student ids (which may hold neither + nor *).
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"
SETTINGS = "settings.json"


@dataclass(frozen=True)
class HubFolder:
    root: Path = DEFAULT_HUB

    def __post_init__(self):
        object.__setattr__(self, "root", Path(self.root).resolve())

    @property
    def course(self):
        """The nbgrader course: instructor notebooks, release, submissions, gradebook."""
        return self.root / "course"

    @property
    def exchange(self):
        """nbgrader's exchange (``c.Exchange.root``), owned by the hub."""
        return self.root / "exchange"

    @property
    def homes(self):
        """One folder per person, their server's root: participants' notebooks live here."""
        return self.root / "homes"

    @property
    def state(self):
        """The hub's own database, cookie secret and passwords."""
        return self.root / "state"

    def home(self, name):
        return self.homes / name

    def jupyter_config(self, name):
        """The Jupyter configuration folder of one person's server."""
        return self.state / "jupyter" / name

    def settings(self):
        """What ``workbook hub`` decided (ports, people, passwords), read by the hub's config."""
        return json.loads((self.state / SETTINGS).read_text())

    def write_settings(self, settings):
        path = self.state / SETTINGS
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(json.dumps(settings, indent=1))

    def secret(self, name, length=12):
        """A random password of ``length`` characters kept in the state folder: the same
        every time the hub starts."""
        path = self.state / f"{name}.txt"
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as file:
                file.write(secrets.token_urlsafe(length)[:length])
        return path.read_text().strip()
