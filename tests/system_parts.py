"""The real system parts some tests need, each found once per test process.

A test marked with a part's marker needs that part. Where the part is missing, the test is
skipped before any of its fixtures runs, with the command that installs the part as the
reason; in CI (``CI=true``), where every part is installed, a missing part stops the run.
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from workbook.isolation.sandboxing import bwrap_problem
from workbook.workshop.needs import hub_problem


def _chromium_problem():
    if Path("/usr/bin/chromium").exists():
        return None
    return "Chromium is not installed: sudo apt-get install chromium (Debian's package)"


def _servers_problem():
    missing = [name for name in ("memcached",) if not shutil.which(name)]
    if not list(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")):
        missing.insert(0, "postgresql")
    if not missing:
        return None
    return f"{' and '.join(missing)} not installed: sudo apt-get install {' '.join(missing)}"


@dataclass(frozen=True)
class Part:
    name: str
    needed_by: str  # the tests that need it, in words
    marker: str | None  # tests marked with it are skipped without the part
    problem: object  # () -> None, or why the part is missing and how to install it


PARTS = [
    Part(
        "bubblewrap",
        "the grader's sandbox and hostile-submission tests",
        "sandbox",
        bwrap_problem,
    ),
    Part("Chromium", "the JupyterLab browser tests", "browser", _chromium_problem),
    Part("JupyterHub and configurable-http-proxy", "the workshop hub tests", "hub", hub_problem),
    Part(
        "PostgreSQL and memcached",
        "make test-backends (tests/services.sh starts them)",
        None,
        _servers_problem,
    ),
]


def in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def header():
    """Lines for the start of a test run: which parts were found, and what will be skipped."""
    lines = []
    for part in PARTS:
        problem = part.problem()
        if problem is None:
            lines.append(f"found: {part.name}, for {part.needed_by}")
        else:
            lines.append(f"MISSING: {part.name}; {part.needed_by} will be skipped: {problem}")
    return lines


def missing():
    """The problems of every missing part."""
    return [problem for part in PARTS if (problem := part.problem()) is not None]


def skip_reasons():
    """``{marker: reason}`` for the markers whose part is missing."""
    return {
        part.marker: f"needs {part.name}: {problem}"
        for part in PARTS
        if part.marker and (problem := part.problem()) is not None
    }
