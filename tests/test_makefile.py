"""The Makefile's promises, run with GNU make in a temporary copy of the Makefile.

Fake interpreters (shell scripts that print a version and log their arguments) stand in where
the real thing would take minutes (pip installs) or does not exist here (Python 3.10, 3.14).
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# What the Makefile's IDENT prints for the interpreter running these tests.
THIS_PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]} {sys.base_prefix}"
SUPPORTED = "the workbook needs 3.11, 3.12 or 3.13"


@pytest.fixture
def project(tmp_path):
    """A folder holding the Makefile and pyproject.toml (the stamps' prerequisite)."""
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(REPO / name, folder / name)
    return folder


def make(folder, *args, path=None):
    """Run make in ``folder``; nothing from a make or venv this test runs under leaks in."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "PYTHON", "VENV"}
    }
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def fake_python(path, ident, status=0):
    """Write an interpreter that logs its arguments to ``<path>.calls`` and prints ``ident``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\necho "$*" >> "{path}.calls"\necho "{ident}"\nexit {status}\n')
    path.chmod(0o755)
    return path


def venv_python_ident(folder):
    code = "import sys; print(sys.version_info[0], sys.version_info[1], sys.base_prefix)"
    run = subprocess.run(
        [folder / ".venv/bin/python", "-c", code], capture_output=True, text=True, check=True
    )
    major, minor, prefix = run.stdout.split(maxsplit=2)
    return f"{major}.{minor} {prefix.strip()}"


def test_clean_removes_the_environment_and_build_but_keeps_the_candidates_workspace(project):
    kept = ["build/workspace/00_orientation.ipynb", "build/workspace/.backups/1/03_sessions.ipynb"]
    kept.append("build/submission/jane-doe.zip")  # what `workbook submit` made
    removed = [".venv/bin/python", "build/course/gradebook.db", "build/workbook-candidate.zip"]
    removed.append("django_interview_workbook.egg-info/PKG-INFO")
    for name in kept + removed:
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text("{}")

    run = make(project, "clean")

    assert run.returncode == 0, run.stderr
    left = {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}
    assert left == {"Makefile", "pyproject.toml", *kept}


@pytest.fixture
def bin_without_pythons(tmp_path):
    """A PATH entry whose python3.11–3.13 are not there (they fail), ahead of the system's."""
    folder = tmp_path / "bin"
    for version in ("3.11", "3.12", "3.13"):
        fake_python(folder / f"python{version}", "", status=127)
    return folder


@pytest.mark.parametrize("version", ["3.10", "3.14"])
def test_an_unsupported_python_gets_one_line_that_says_what_to_install(
    project, bin_without_pythons, version
):
    python = fake_python(project / "old" / "python3", f"{version} /usr")

    run = make(project, f"PYTHON={python}", "lab", path=f"{bin_without_pythons}:/usr/bin:/bin")

    assert run.returncode != 0
    assert run.stdout.splitlines() == [
        f"Python {version} found ({python}); {SUPPORTED}: install one (python.org, or your "
        "system's packages), then run `make PYTHON=python3.13 lab`."
    ]
    assert not (project / ".venv").exists()


def test_an_unsupported_python_is_pointed_at_a_supported_one_already_installed(
    project, bin_without_pythons
):
    fake_python(bin_without_pythons / "python3.12", "3.12 /opt/python3.12")
    python = fake_python(project / "old" / "python3", "3.10 /usr")

    run = make(project, f"PYTHON={python}", "test", path=f"{bin_without_pythons}:/usr/bin:/bin")

    assert run.returncode != 0
    assert run.stdout.splitlines() == [
        f"Python 3.10 found ({python}); {SUPPORTED}: run `make PYTHON=python3.12 test` "
        "(python3.12 is installed)."
    ]


def test_a_missing_python_is_named(project, bin_without_pythons):
    run = make(project, "PYTHON=python9", "lab", path=f"{bin_without_pythons}:/usr/bin:/bin")

    assert run.returncode != 0
    assert run.stdout.splitlines() == [
        "python9 not found; the workbook needs Python 3.11, 3.12 or 3.13: install one "
        "(python.org, or your system's packages), then run `make PYTHON=python3.13 lab`."
    ]


@pytest.mark.parametrize(
    ("ident", "status", "reason"),
    [
        ("3.10 /usr", 0, "it runs Python 3.10"),
        ("", 1, "its Python does not start or has no pip"),
    ],
    ids=["python-3.10", "broken"],
)
def test_a_venv_on_an_unsupported_or_broken_python_is_recreated(project, ident, status, reason):
    """What a failed first `make lab` on the wrong Python leaves behind is not reused."""
    fake_python(project / ".venv/bin/python", ident, status)
    (project / ".venv/.installed-lab").touch()

    run = make(project, f"PYTHON={sys.executable}", ".venv/pyvenv.cfg")

    assert run.returncode == 0, run.stderr
    version = THIS_PYTHON.split()[0]
    assert run.stdout.splitlines() == [
        f"Recreating .venv with Python {version} ({sys.executable}): {reason}."
    ]
    assert venv_python_ident(project) == THIS_PYTHON
    assert not (project / ".venv/.installed-lab").exists()  # so everything is installed again


def test_a_venv_on_another_python_is_kept_unless_python_names_another(project):
    venv_python = fake_python(project / ".venv/bin/python", "3.12 /opt/python3.12")

    kept = make(project, ".venv/pyvenv.cfg")
    assert (kept.returncode, kept.stdout) == (0, ""), kept.stderr
    assert "3.12 /opt/python3.12" in venv_python.read_text()

    named = make(project, f"PYTHON={sys.executable}", ".venv/pyvenv.cfg")
    assert named.returncode == 0, named.stderr
    assert named.stdout.splitlines() == [
        f"Recreating .venv with Python {THIS_PYTHON.split()[0]} ({sys.executable}): "
        f"it runs Python 3.12 from /opt/python3.12, not {sys.executable}."
    ]
    assert venv_python_ident(project) == THIS_PYTHON

    again = make(project, f"PYTHON={sys.executable}", ".venv/pyvenv.cfg")
    assert (again.returncode, again.stdout) == (0, ""), again.stderr


def pip_calls(venv_python):
    calls = Path(f"{venv_python}.calls")
    lines = calls.read_text().splitlines() if calls.exists() else []
    calls.unlink(missing_ok=True)
    return [line for line in lines if not line.startswith("-c ")]  # the venv check's probe


def test_make_test_after_make_lab_adds_the_test_extra_and_a_new_pyproject_reinstalls(project):
    venv_python = fake_python(project / ".venv/bin/python", "3.11 /usr")
    now = time.time()
    for name, age in [
        ("pyproject.toml", 300),
        (".venv/pyvenv.cfg", 200),
        (".venv/.installed-lab", 100),
    ]:
        (project / name).touch()
        os.utime(project / name, (now - age, now - age))
    lab_install = [
        "-m pip install --quiet --upgrade pip",
        "-m pip install --quiet -e .",
        "-m workbench.kernelspec",
    ]
    test_install = ["-m pip install --quiet -e .[test,workshop,cluster]"]

    assert make(project, ".venv/.installed-test").returncode == 0
    assert pip_calls(venv_python) == test_install  # the lab's level is not redone

    assert make(project, ".venv/.installed-lab", ".venv/.installed-test").returncode == 0
    assert pip_calls(venv_python) == []  # both stamps hold

    os.utime(project / "pyproject.toml", (now, now))
    assert make(project, ".venv/.installed-test").returncode == 0
    assert pip_calls(venv_python) == lab_install + test_install
    assert "3.11 /usr" in venv_python.read_text()  # the same venv, not a new one
