"""The workshop hub in a real (headless) Chromium, driven by Playwright.

A participant logs in through the hub's form, finds notebook 00 already fetched, opens it and
runs its boot cell; the teacher opens the live view and sees that participant (and two more,
whose saved notebooks are placed in their folders) with the per-task summary. Screenshots go
to ``build/test-artefacts/``. Needs Debian's ``chromium`` (never downloads a browser).
"""

import nbformat
import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
from hubtools import ARTEFACTS, NOTEBOOK, TASK, WRONG, answer, right_answer, running_hub

pytestmark = [
    pytest.mark.hub,
    pytest.mark.browser,
    pytest.mark.sandbox,
    pytest.mark.xdist_group("workshop-hub-browser"),
]

TIMEOUT_MS = 180_000  # a server spawning and a kernel booting on a busy machine


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A hub that fetches the assignment for each participant at their first login."""
    with running_hub(tmp_path_factory) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: pip install -e '.[test]' installs it.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def log_in(browser, hub, name):
    """A new browser session (its own cookies) logged in as ``name``."""
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", "trial")
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{name}/lab**")
    return page


def place(hub, name, source):
    """Put a saved notebook 00 with ``source`` as the task's answer in ``name``'s folder."""
    release = hub.folder.course / "release" / "workbook" / NOTEBOOK
    folder = hub.folder.home(name) / "workbook"
    folder.mkdir(parents=True)
    nbformat.write(answer(nbformat.read(release, as_version=4), TASK, source), folder / NOTEBOOK)


def test_a_participant_boots_a_notebook_and_the_teacher_watches_the_room(hub, browser):
    page = log_in(browser, hub, "cleo")
    try:
        page.goto(f"{hub.url}/user/cleo/lab/tree/workbook/{NOTEBOOK}")
        page.locator(".jp-StatusBar-TextItem", has_text="Django Workbook").filter(
            has_text="Idle"
        ).wait_for()
        boot = page.locator(".jp-CodeCell", has_text="sandbox = boot()")
        boot.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        boot.locator(".jp-OutputArea-output", has_text="<Sandbox").wait_for()
        page.keyboard.press("Control+s")
        page.screenshot(path=str(ARTEFACTS / "workshop-participant.png"))
        denied = page.goto(f"{hub.url}/services/room/")
        assert denied.status == 403, "a participant must not see the live view"
    except Exception:
        page.screenshot(path=str(ARTEFACTS / "workshop-failure-participant.png"))
        raise

    place(hub, "ada", right_answer())
    place(hub, "bob", WRONG.read_text())
    teacher = log_in(browser, hub, "teacher")
    try:
        teacher.goto(f"{hub.url}/services/room/")
        teacher.wait_for_selector("h1:has-text('The room: 3 participants')")
        summary = teacher.locator("td", has_text="1 of 3 have")
        summary.wait_for()  # ada passes the first task; cleo and bob do not (yet)
        teacher.set_viewport_size({"width": 900, "height": 320})
        teacher.screenshot(path=str(ARTEFACTS / "workshop-room.png"))
    except Exception:
        teacher.screenshot(path=str(ARTEFACTS / "workshop-failure-room.png"))
        raise
