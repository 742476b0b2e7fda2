"""``workbook lab`` prepares the workspace and a Jupyter configuration of its own; served for
real, its terminals find ``workbook`` and the instructor's formgrader lists the graded course."""

import io
import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
import websocket
from lab_server import running_lab
from traitlets.config.loader import PyFileConfigLoader
from workbook.candidate.lab import command, prepare
from workbook.candidate.workspace import Layout
from workbook.course import COURSE_ID
from workbook.paths import REPO_DIR

LOGS = REPO_DIR / "build" / "test-artefacts"


def bundle_with(tmp_path, candidate):
    layout = Layout(tmp_path / "bundle")
    layout.notebooks.mkdir(parents=True)
    (layout.notebooks / candidate.name).write_bytes(candidate.read_bytes())
    return layout


def test_candidate_lab_serves_the_workspace_with_course_and_exchange(tmp_path, candidate_00):
    layout = bundle_with(tmp_path, candidate_00)
    root, env = prepare(layout, out=io.StringIO())
    assert root == layout.workspace and (root / candidate_00.name).is_file()
    config_dir = env["JUPYTER_CONFIG_PATH"].split(os.pathsep)[0]
    config = PyFileConfigLoader("nbgrader_config.py", path=config_dir).load_config()
    assert config.CourseDirectory.course_id == COURSE_ID
    assert (
        config.Exchange.root == str(layout.lab / "exchange") and (layout.lab / "exchange").is_dir()
    )
    assert config.Execute.timeout == 120, "Validate runs with the course's own settings."
    disabled = json.loads((layout.lab / "jupyter/labconfig/page_config.json").read_text())
    assert disabled["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True
    server = json.loads((layout.lab / "jupyter/jupyter_server_config.json").read_text())
    assert server["ServerApp"]["jpserver_extensions"] == {
        "nbgrader.server_extensions.formgrader": False,
        # Validate answers through workbook's summary-first validator, not nbgrader's own.
        "nbgrader.server_extensions.validate_assignment": False,
        "workbook.candidate.validate": True,
    }


def nbgrader_config(env):
    config_dir = env["JUPYTER_CONFIG_PATH"].split(os.pathsep)[0]
    return PyFileConfigLoader("nbgrader_config.py", path=config_dir).load_config()


def test_instructor_lab_points_formgrader_at_the_graded_course(tmp_path, candidate_00):
    layout = bundle_with(tmp_path, candidate_00)
    root, env = prepare(layout, instructor=True, out=io.StringIO())
    course = layout.build / "course"
    assert root == layout.root and not layout.workspace.exists()
    config = nbgrader_config(env)
    assert config.CourseDirectory.root == str(course)
    assert config.CourseDirectory.db_url == f"sqlite:///{course / 'gradebook.db'}"
    disabled = json.loads((layout.lab / "jupyter/labconfig/page_config.json").read_text())
    assert "@jupyter/nbgrader:formgrader" not in disabled["disabledExtensions"]
    server = json.loads((layout.lab / "jupyter/jupyter_server_config.json").read_text())
    assert server["LabApp"]["default_url"] == "/lab/tree/notebooks", "Opens on the notebooks."


def test_instructor_lab_takes_any_course_folder_under_its_root(tmp_path, candidate_00):
    layout = bundle_with(tmp_path, candidate_00)
    elsewhere = tmp_path / "grading" / "round-1"
    out = io.StringIO()
    root, env = prepare(layout, instructor=True, course=elsewhere, out=out)
    assert nbgrader_config(env).CourseDirectory.root == str(elsewhere)
    assert elsewhere.is_relative_to(root) and layout.notebooks.is_relative_to(root)
    assert "No graded course in" in out.getvalue() and "workbook grade" in out.getvalue()


def test_lab_puts_this_environments_bin_first_on_path(tmp_path, candidate_00):
    _root, env = prepare(bundle_with(tmp_path, candidate_00), out=io.StringIO())
    assert env["PATH"].split(os.pathsep)[0] == str(Path(sys.executable).parent)


def _terminal_says(lab, command, timeout=30):
    """Run ``command`` in a new terminal of the lab and return what the terminal printed."""
    name = lab.post("/api/terminals")["name"]
    url = lab.base.replace("http", "ws", 1) + f"/terminals/websocket/{name}?token={lab.token}"
    socket = websocket.create_connection(url, timeout=timeout)
    try:
        socket.send(json.dumps(["stdin", f"{command}; echo END-OF-ANSWER\r"]))
        text, deadline = "", time.monotonic() + timeout
        while "END-OF-ANSWER\r\n" not in text.replace("echo END-OF-ANSWER", ""):
            if time.monotonic() > deadline:
                pytest.fail(f"The terminal did not answer in {timeout} s:\n{text}")
            kind, *content = json.loads(socket.recv())
            if kind == "stdout":
                text += content[0]
        return text
    finally:
        socket.close()


@pytest.mark.xdist_group("lab-server")
def test_the_labs_terminal_finds_workbook(tmp_path, candidate_00):
    """`make lab` runs the venv's workbook without activating the venv: its terminals still
    find `workbook` (and the shell does not reset PATH from /etc/profile)."""
    bundle = bundle_with(tmp_path, candidate_00)
    env = {**os.environ, "PATH": "/usr/bin:/bin"}
    arguments = [f"--root={bundle.root}"]
    log = LOGS / "lab-terminal-server.log"
    with running_lab(arguments, log, settings=tmp_path / "user", env=env) as lab:
        said = _terminal_says(lab, "command -v workbook")
    assert str(Path(sys.executable).parent / "workbook") in said, said


def test_command_binds_to_localhost_with_the_given_token(tmp_path):
    argv = command(tmp_path, port=9999, token="secret")
    assert f"--ServerApp.root_dir={tmp_path}" in argv and "--ServerApp.ip=127.0.0.1" in argv
    assert "--ServerApp.port=9999" in argv and "--IdentityProvider.token=secret" in argv
    assert "--no-browser" in argv


@pytest.mark.xdist_group("lab-server")
def test_formgrader_lists_the_graded_courses_submissions(tmp_path, candidate_00, graded):
    bundle = bundle_with(tmp_path, candidate_00)
    arguments = ["--instructor", f"--root={bundle.root}", f"--course={graded.root}"]
    log = LOGS / "lab-formgrader-server.log"
    with running_lab(arguments, log, settings=tmp_path / "user") as lab:
        submissions = lab.get("/formgrader/api/submissions/workbook")
    assert {s["student"] for s in submissions} >= {"reference", "stub", "partial"}
    assert not list(bundle.root.rglob("gradebook.db")), "Only the course has a gradebook."


def test_course_without_instructor_is_a_clear_error(capsys):
    from workbook.cli import main

    assert main(["lab", "--course", "build/course"]) == 2
    assert "--course goes with --instructor" in capsys.readouterr().err


def test_formgraders_own_feedback_hides_what_workbook_feedback_hides(tmp_path, graded):
    """Formgrader's Generate Feedback button runs nbgrader with the lab's configuration."""
    from nbgrader.apps import NbGraderAPI

    course = tmp_path / "course"
    shutil.copytree(graded.root, course)
    layout = Layout(tmp_path / "repo")
    _root, env = prepare(layout, instructor=True, course=course, out=io.StringIO())
    api = NbGraderAPI(config=nbgrader_config(env))
    assert api.generate_feedback("workbook", "reference", force=True)["success"]
    (page,) = (course / "feedback" / "reference" / "workbook").glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert "BEGIN HIDDEN TESTS" not in html and "MARK SCHEME" not in html
    assert "cdnjs" not in html
