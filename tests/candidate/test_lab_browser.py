"""JupyterLab as the candidate meets it, driven in a real (headless) Chromium by Playwright.

``workbook lab`` serves a candidate bundle's workspace on 127.0.0.1 with a token set here; the
browser opens notebook 00, runs every cell and reads what the candidate would see. nbgrader's
Validate button and Assignment List are used through the page too. Screenshots go to
``build/test-artefacts/`` (ignored by git). Needs Debian's ``chromium`` package: without
``/usr/bin/chromium`` these tests are skipped with the install command (in CI they must run;
they never download a browser).
"""

import json
import re
import time
import urllib.request

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
from lab_server import running_lab
from workbook.paths import REPO_DIR

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("lab-browser")]

ARTEFACTS = REPO_DIR / "build" / "test-artefacts"
NOTEBOOK = "00_orientation.ipynb"
TIMEOUT_MS = 60_000


# Module scope, not session: Playwright's sync API keeps an asyncio loop running in this
# thread while it is open, and Django refuses ORM calls in tests that would run after it.
@pytest.fixture(scope="module")
def lab(tmp_path_factory, repo_layout):
    """``workbook lab`` on a candidate bundle holding notebook 00; yields its base URL, token."""
    bundle = tmp_path_factory.mktemp("bundle")
    (bundle / "notebooks").mkdir()
    candidate = repo_layout.pristine() / NOTEBOOK
    (bundle / "notebooks" / NOTEBOOK).write_bytes(candidate.read_bytes())
    settings = tmp_path_factory.mktemp("jupyterlab-user")  # leave the person's own lab alone
    log = ARTEFACTS / "lab-browser-server.log"
    with running_lab([f"--root={bundle}"], log, settings=settings) as server:
        yield server.base, server.token, bundle


@pytest.fixture(scope="module")
def page(lab):
    """A Chromium page showing notebook 00 with its kernel started (one for this module)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: pip install -e '.[test]' installs it.")
    base, token, _bundle = lab
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}")
        # The notebook's own kernel (from its metadata), started and idle.
        page.wait_for_selector(".jp-Toolbar-kernelName:has-text('Django Workbook')")
        page.locator(".jp-StatusBar-TextItem", has_text="Django Workbook").filter(
            has_text="Idle"
        ).wait_for()
        try:
            yield page
        finally:
            browser.close()


def _shot(page, name):
    page.screenshot(path=str(ARTEFACTS / name))


def _code_cell(page, text):
    cell = page.locator(".jp-CodeCell", has_text=text)
    cell.scroll_into_view_if_needed()
    return cell


def test_notebook_uses_the_sandbox_kernel_and_its_stub_tests_explain_themselves(
    page, lab, repo_layout
):
    base, token, bundle = lab
    try:
        assert "Django Workbook" in page.inner_text(".jp-Toolbar-kernelName")
        page.click(".lm-MenuBar-itemLabel:text-is('Run')")
        page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
        # Run All stops at the first failing cell: the first task's locked test cell.
        test_cell = _code_cell(page, "public audio items; public_audio_count()")
        output = test_cell.locator(".jp-OutputArea-output").first
        output.wait_for()
        assert "NotImplementedError" in output.inner_text()
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']")
        _shot(page, "lab-candidate-view.png")

        boot = _code_cell(page, "sandbox = boot()")
        assert "<Sandbox sqlite database" in boot.locator(".jp-OutputArea").inner_text()
        assert boot.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0

        # Saved through JupyterLab, the notebook shows the same outcome to the grader.
        page.keyboard.press("Control+s")
        time.sleep(1)
        request = urllib.request.Request(
            f"{base}/api/contents/{NOTEBOOK}", headers={"Authorization": f"token {token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            cells = json.load(response)["content"]["cells"]
        (saved_boot,) = [c for c in cells if "sandbox = boot()" in c["source"]]
        assert saved_boot["execution_count"] and not any(
            o["output_type"] == "error" for o in saved_boot["outputs"]
        )
        errors = [o for c in cells for o in c.get("outputs", []) if o["output_type"] == "error"]
        assert [o["ename"] for o in errors] == ["NotImplementedError"]
        assert (bundle / "build" / "workspace" / NOTEBOOK).is_file()
        pristine = (repo_layout.pristine() / NOTEBOOK).read_bytes()
        assert (bundle / "notebooks" / NOTEBOOK).read_bytes() == pristine, (
            "The bundle's pristine copy must stay untouched: the lab works in build/workspace."
        )
    except Exception:
        _shot(page, "lab-failure-run-all.png")
        raise


def test_validate_button_reports_the_failing_test(page):
    try:
        page.click(".jp-ToolbarButtonComponent:has-text('Validate')")
        dialog = page.locator(".jp-Dialog")
        dialog.wait_for()
        text = dialog.inner_text()
        assert "Validation Results" in text and "NotImplementedError" in text, text[:500]
        # workbook lab serves the summary-first validator: the tally comes before any cell.
        summary = re.search(r"\d+ of \d+ tasks pass", text)
        assert summary and text.index(summary.group()) < text.index("NotImplementedError"), text
        _shot(page, "lab-validate.png")
        page.keyboard.press("Escape")
        dialog.wait_for(state="detached")
    except Exception:
        _shot(page, "lab-failure-validate.png")
        raise


def test_assignment_list_opens_without_errors(page):
    try:
        page.click(".lm-MenuBar-itemLabel:text-is('Nbgrader')")
        menu = page.locator(".lm-Menu").last
        assert "Formgrader" not in menu.inner_text(), "Candidates get no instructor tools."
        page.click(".lm-Menu-itemLabel:text-is('Assignment List')")
        page.get_by_text("There are no assignments to fetch.").wait_for()
        panel = page.locator(".lm-DockPanel-widget", has_text="Released assignments")
        text = panel.inner_text()
        assert "rror" not in text and "exchange directory does not exist" not in text, text
        _shot(page, "lab-assignment-list.png")
    except Exception:
        _shot(page, "lab-failure-assignment-list.png")
        raise
