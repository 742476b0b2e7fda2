"""``workbook hub``'s settings as JupyterHub reads them: who may log in, and as what."""

import asyncio
import os
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest
from traitlets.config.loader import PyFileConfigLoader
from workbook.errors import CommandError
from workbook.workshop.folder import HubFolder
from workbook.workshop.hub import CONFIG, hub_settings

pytestmark = pytest.mark.hub


def options(**changes):
    chosen = dict(ip="127.0.0.1", port=8000, every=5, teacher="teacher", prefetch=True)
    return Namespace(**{"auth": "shared", "password": None, **chosen, **changes})


def hub_config(folder, monkeypatch, **changes):
    """JupyterHub's configuration for a hub started with these options."""
    hub = HubFolder(folder)
    hub.write_settings(hub_settings(options(**changes), hub))
    monkeypatch.setenv("WORKBOOK_HUB_FOLDER", str(hub.root))
    return hub, PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()


def log_in(authenticator, name, password):
    data = {"username": name, "password": password}
    return asyncio.run(authenticator.get_authenticated_user(None, data))


def test_the_room_logs_in_with_its_password_and_only_the_teacher_becomes_admin(
    tmp_path, monkeypatch
):
    from jupyterhub.authenticators.shared import SharedPasswordAuthenticator

    hub, config = hub_config(tmp_path, monkeypatch, password="room-42-ok")
    assert config.JupyterHub.authenticator_class == "shared-password"
    auth = SharedPasswordAuthenticator(config=config)
    teacher_password = (hub.state / "teacher-password.txt").read_text().strip()
    assert len(teacher_password) >= 32
    assert log_in(auth, "ada", "room-42-ok")["name"] == "ada"
    assert not log_in(auth, "ada", "wrong-password")
    teacher = log_in(auth, "teacher", teacher_password)
    assert teacher["name"] == "teacher" and teacher["admin"] is True
    assert not log_in(auth, "teacher", "room-42-ok"), "the room's password must not make admins"
    assert not log_in(auth, "ada+bob", "room-42-ok"), "a name nbgrader cannot use as an id"


def test_passwords_are_kept_between_starts_short_ones_and_odd_names_refused(tmp_path):
    hub = HubFolder(tmp_path)
    first, second = (hub_settings(options(), hub) for _ in range(2))
    assert first["password"] == second["password"] and len(first["password"]) >= 8
    with pytest.raises(CommandError, match="at least 8"):
        hub_settings(options(password="short"), hub)
    with pytest.raises(CommandError, match="--teacher 'Ms Ada'"):
        hub_settings(options(teacher="Ms Ada"), hub)


def test_first_use_passwords_use_the_first_use_authenticator(tmp_path, monkeypatch):
    pytest.importorskip("firstuseauthenticator", reason="pip install -e '.[workshop]'")
    from firstuseauthenticator import FirstUseAuthenticator

    hub, config = hub_config(tmp_path, monkeypatch, auth="first-use")
    auth = FirstUseAuthenticator(config=config)
    assert log_in(auth, "ada", "chosen-at-first")["name"] == "ada"
    assert not log_in(auth, "ada", "another-one"), "the first password sticks"


def test_the_command_says_how_to_install_a_missing_proxy(tmp_path):
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # no node, no proxy
    workbook = Path(sys.executable).parent / "workbook"
    done = subprocess.run(
        [str(workbook), "hub", f"--hub-folder={tmp_path}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert "npm install -g configurable-http-proxy" in done.stderr
