"""How long from `workbook hub` to a participant's first booted kernel?  Run on purpose:

    .venv/bin/python tests/benchmarks/bench_hub.py

Starts ``workbook hub`` (the whole workbook, trial logins, notebooks fetched for everyone)
on a free port of 127.0.0.1, then as one participant: logs in, starts a server, starts the
default kernel and runs notebook 00's boot cell through the server's websocket. Prints the
time of each step from the command's start, then stops the hub.
"""

import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import nbformat
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "workshop"))
from hubtools import NOTEBOOK, Hub, free_port, wait_until  # noqa: E402
from workbook.notebook import boot_cell  # noqa: E402
from workbook.workshop.folder import HubFolder  # noqa: E402


async def run_cell(url, token, code, timeout=300):
    """Run ``code`` in the kernel at websocket ``url``; return the reply's status."""
    request = HTTPRequest(url, headers={"Authorization": f"token {token}"})
    connection = await websocket_connect(request)
    msg_id = uuid.uuid4().hex
    header = {"msg_id": msg_id, "msg_type": "execute_request", "username": "bench"}
    header |= {"session": uuid.uuid4().hex, "version": "5.3", "date": ""}
    content = {"code": code, "silent": False, "store_history": True, "user_expressions": {}}
    content |= {"allow_stdin": False, "stop_on_error": True}
    message = {"header": header, "parent_header": {}, "metadata": {}, "content": content}
    await connection.write_message(json.dumps({**message, "channel": "shell"}))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        reply = json.loads(await connection.read_message())
        if reply["msg_type"] == "execute_reply" and reply["parent_header"]["msg_id"] == msg_id:
            connection.close()
            said = reply["content"]
            return said["status"] + (
                f" {said['ename']}: {said['evalue']}" if "ename" in said else ""
            )
    raise TimeoutError("no execute_reply")


def main():
    folder = HubFolder(tempfile.mkdtemp(prefix="bench-hub-"))
    port = free_port()
    log = folder.root / "hub.log"
    started = time.perf_counter()
    command = [str(Path(sys.executable).parent / "workbook"), "hub", f"--hub-folder={folder.root}"]
    command += [f"--port={port}", "--auth=dummy"]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    hub = Hub(f"http://127.0.0.1:{port}", folder, process, log)

    def mark(what):
        print(f"{time.perf_counter() - started:6.1f} s  {what}", flush=True)

    try:
        import requests

        def answers():
            try:
                return requests.get(f"{hub.url}/hub/api/", timeout=2).ok
            except requests.RequestException:
                return False

        wait_until(lambda: "Workshop hub:" in log.read_text(), 300, "the course released")
        mark("course built, candidate notebooks released to the exchange")
        wait_until(answers, 300, "the hub answering")
        mark("hub answers (proxy and hub up)")
        ada = hub.user("ada")
        mark("participant logged in")
        ada.start_server()
        mark("participant's JupyterLab ready, notebooks fetched")
        kernel = ada.server("POST", "/api/kernels", json={})
        notebook = nbformat.read(folder.home("ada") / "workbook" / NOTEBOOK, as_version=4)
        boot = boot_cell(notebook).source
        url = f"ws://127.0.0.1:{port}/user/ada/api/kernels/{kernel['id']}/channels"
        token = ada.api.headers["Authorization"].split()[1]
        status = asyncio.run(run_cell(url, token, boot))
        mark(f"first kernel ({kernel['name']}) booted the sandbox: {status}")
    finally:
        hub.stop()
        shutil.copyfile(log, Path(tempfile.gettempdir()) / "bench-hub.log")
        shutil.rmtree(folder.root, ignore_errors=True)


if __name__ == "__main__":
    main()
