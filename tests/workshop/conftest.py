"""A real workshop hub for the tests: ``workbook hub`` on 127.0.0.1, stopped at the end.

The hub hands out notebook 00 only (a small assignment keeps the round trip short) and runs
in trial mode (any password): the tests log in as the teacher and two participants through
the hub's login form and REST API, as a browser would.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from hubtools import ARTEFACTS, NOTEBOOK, START_SECONDS, Hub, free_port, wait_until
from workbook.paths import NOTEBOOKS_DIR
from workbook.workshop.folder import HubFolder


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """``workbook hub`` on a free port of 127.0.0.1 handing out notebook 00; stopped after."""
    source = tmp_path_factory.mktemp("source")
    shutil.copyfile(NOTEBOOKS_DIR / NOTEBOOK, source / NOTEBOOK)
    folder = HubFolder(tmp_path_factory.mktemp("hub"))
    port = free_port()
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTEFACTS / "workshop-hub.log"
    command = [
        str(Path(sys.executable).parent / "workbook"),
        "hub",
        f"--hub-folder={folder.root}",
        f"--port={port}",
        f"--source={source}",
        "--auth=dummy",
        "--no-prefetch",
        "--every=2",
    ]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    running = Hub(f"http://127.0.0.1:{port}", folder, process, log)
    try:

        def answers():
            if process.poll() is not None:
                pytest.fail(f"`workbook hub` exited with {process.returncode}:\n{log.read_text()}")
            try:
                return requests.get(f"{running.url}/hub/api/", timeout=2).ok
            except requests.RequestException:
                return False

        wait_until(answers, START_SECONDS, "the hub answering")
        yield running
    finally:
        running.stop()
