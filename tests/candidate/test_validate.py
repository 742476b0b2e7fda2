"""Validate leads with a summary (tasks passing, the first failure), nbgrader's detail below."""

import secrets
import socket
import subprocess
import sys
import time

import nbformat
import pytest
import requests
from workbook.candidate.validate import SummaryValidator, summary
from workbook.course import course_config
from workbook.notebook import ALTERNATIVE_ANSWERS_DIR, tasks
from workbook.paths import REPO_DIR

EXTENSION = "workbook.candidate.validate"
ARTEFACTS = REPO_DIR / "build" / "test-artefacts"  # screenshots, ignored by git


def test_validate_starts_with_the_tasks_passing_and_the_first_failure(tmp_path, candidate_00):
    notebook = nbformat.read(candidate_00, as_version=4)
    first, second = tasks(notebook)
    (answer,) = first.answers(ALTERNATIVE_ANSWERS_DIR)
    notebook.cells[first.solution_index].source = answer.read_text()  # task 2 stays a stub
    path = tmp_path / candidate_00.name
    nbformat.write(notebook, path)

    results = SummaryValidator(config=course_config(tmp_path / "course")).validate(str(path))

    summary, *detail = results["failed"]
    assert summary["source"] == results["summary"]
    assert results["summary"].splitlines() == [
        "1 of 2 tasks pass.",
        f"First failure — Task 2 ({second.test_id}):",
        "not answered yet (NotImplementedError).",
    ]
    assert "display: none" in summary["error"], "The summary hides the dialog's 'cell failed'."
    assert [entry["source"] for entry in detail] == [
        notebook.cells[second.test_index].source.strip()
    ], "Below the summary: nbgrader's own entry for each failing cell."
    assert "NotImplementedError" in detail[0]["raw_error"]


def test_a_notebook_that_passes_gets_no_summary(tmp_path, candidate_00):
    notebook = nbformat.read(candidate_00, as_version=4)
    for task in tasks(notebook):
        (answer, *_) = task.answers(ALTERNATIVE_ANSWERS_DIR)
        notebook.cells[task.solution_index].source = answer.read_text()
    path = tmp_path / candidate_00.name
    nbformat.write(notebook, path)

    results = SummaryValidator(config=course_config(tmp_path / "course")).validate(str(path))

    assert results == {}, (
        "nbgrader's dialog then says: Success! Your notebook passes all the tests."
    )


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def validate_server(tmp_path):
    """A Jupyter server on ``tmp_path`` serving Validate through ``workbook.candidate.validate``,
    configured as the lab configures it; yields its URL and token."""
    port, token = _free_port(), secrets.token_hex(8)
    extensions = {"nbgrader.server_extensions.validate_assignment": False, EXTENSION: True}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter_server",
            f"--ServerApp.root_dir={tmp_path}",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.jpserver_extensions={extensions!r}",
            "--allow-root",
            "--no-browser",
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                requests.get(f"{url}/api/status", params={"token": token}, timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.5)
        yield url, token
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_lab_s_validate_button_gets_the_summary(tmp_path, candidate_00, validate_server):
    url, token = validate_server
    (tmp_path / candidate_00.name).write_bytes(candidate_00.read_bytes())

    reply = requests.post(
        f"{url}/assignments/validate",
        data={"path": candidate_00.name},
        headers={"Authorization": f"token {token}"},
        timeout=300,
    )

    reply.raise_for_status()
    answer = reply.json()
    assert answer["success"], answer
    first = answer["value"]["failed"][0]["source"]
    assert first.startswith("0 of 2 tasks pass.\nFirst failure — Task 1 ("), first


@pytest.mark.browser
def test_the_dialog_starts_with_the_summary(tmp_path, candidate_00, validate_server):
    """In Chromium, the Validate dialog reads the summary first, then each failing cell."""
    from playwright.sync_api import sync_playwright

    url, token = validate_server
    (tmp_path / candidate_00.name).write_bytes(candidate_00.read_bytes())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(120_000)
            page.goto(f"{url}/lab/tree/{candidate_00.name}?token={token}")
            page.click(".jp-ToolbarButtonComponent:has-text('Validate')")
            dialog = page.locator(".jp-Dialog")
            dialog.wait_for()
            page.wait_for_selector("#validation-message")
            text = dialog.inner_text()
            ARTEFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTEFACTS / "validate-summary.png"))
        finally:
            browser.close()
    body = text.split("Validation Results", 1)[1].strip()
    assert body.startswith("0 of 2 tasks pass.\nFirst failure — Task 1 ("), body[:300]
    assert body.count("The following cell failed:") == 2, "One label per failing cell, below."


def test_the_summary_keeps_a_long_error_short():
    """A long first failure is wrapped to the validator's width and cut after a few lines."""
    failing = nbformat.v4.new_code_cell(
        "assert False",
        metadata={"nbgrader": {"grade": True, "grade_id": "long_tests", "points": 1}},
        outputs=[
            nbformat.v4.new_output(
                "error", ename="AssertionError", evalue="x" * 150 + "\n" + "line\n" * 20
            )
        ],
    )
    passing = nbformat.v4.new_code_cell(
        "pass", metadata={"nbgrader": {"grade": True, "grade_id": "fine_tests", "points": 1}}
    )
    lines = summary(nbformat.v4.new_notebook(cells=[passing, failing]), width=60).splitlines()
    assert lines[:2] == ["1 of 2 tasks pass.", "First failure — long_tests:"]
    assert lines[-1] == "(more in its error below)" and len(lines) < 12, lines
    assert max(map(len, lines)) <= 60
