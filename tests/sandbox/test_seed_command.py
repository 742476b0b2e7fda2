"""``manage.py seed`` fills an empty catalogue and refuses to seed twice."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from catalog.models import Content, Creator
from django.core.management import CommandError, call_command

SETUP = """
import django
from django.core.management import call_command
django.setup()
call_command("migrate", verbosity=0)
call_command("seed")
"""
MANAGE = Path(__file__).resolve().parents[2] / "sandbox_project" / "manage.py"


def test_seed_fills_an_empty_catalogue(empty_catalogue):
    out = StringIO()
    call_command("seed", "--size", "small", "--seed", "5", stdout=out)
    assert Content.objects.count() == 60 and Creator.objects.count() == 6
    assert "Seeded a small catalogue" in out.getvalue()


def test_seed_refuses_a_catalogue_with_content(db):
    assert Content.objects.exists()
    with pytest.raises(CommandError, match="already has content.*flush"):
        call_command("seed")
    assert Content.objects.count() == 60  # nothing was added


def test_seed_rejects_an_unknown_size(empty_catalogue):
    with pytest.raises(CommandError, match="invalid choice: 'huge'"):
        call_command("seed", "--size", "huge")


def test_manage_py_seed_from_another_folder(tmp_path):
    """The real command line, run from elsewhere: the second seed fails with a clear message."""
    env = {
        **os.environ,
        "WORKBOOK_DATABASE": "sqlite",
        "WORKBOOK_DB_NAME": str(tmp_path / "db.sqlite3"),
        "DJANGO_SETTINGS_MODULE": "sandbox.settings",
    }

    def manage(*args):
        return subprocess.run(
            [sys.executable, str(MANAGE), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    # Migrate and seed in one process (the slow part); then the real command line, once more.
    setup = subprocess.run(
        [sys.executable, "-c", SETUP], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert setup.returncode == 0, setup.stderr
    assert "Seeded a small catalogue" in setup.stdout
    second = manage("seed")
    assert second.returncode == 1
    assert "CommandError: The catalogue already has content" in second.stderr
    assert "Traceback" not in second.stderr
