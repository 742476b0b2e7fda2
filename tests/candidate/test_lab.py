"""``workbook lab`` prepares the workspace and a Jupyter configuration of its own."""

import io
import json
import os

from traitlets.config.loader import PyFileConfigLoader
from workbook.candidate.lab import command, prepare
from workbook.candidate.workspace import Layout
from workbook.course import COURSE_ID


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
        "nbgrader.server_extensions.formgrader": False
    }


def test_instructor_lab_opens_the_instructor_notebooks_with_formgrader(tmp_path, candidate_00):
    layout = bundle_with(tmp_path, candidate_00)
    root, _env = prepare(layout, instructor=True)
    assert root == layout.notebooks and not layout.workspace.exists()
    disabled = json.loads((layout.lab / "jupyter/labconfig/page_config.json").read_text())
    assert "@jupyter/nbgrader:formgrader" not in disabled["disabledExtensions"]


def test_command_binds_to_localhost_with_the_given_token(tmp_path):
    argv = command(tmp_path, port=9999, token="secret")
    assert f"--ServerApp.root_dir={tmp_path}" in argv and "--ServerApp.ip=127.0.0.1" in argv
    assert "--ServerApp.port=9999" in argv and "--IdentityProvider.token=secret" in argv
    assert "--no-browser" in argv
