"""The kernel zygote: each forked kernel is fresh, and a kernel cannot reach the next one.

Kernels here are started through ``zygote.start_kernel_manager``, as ``GuardedExecute`` starts
them, and run code the way a hostile submission would.
"""

import ast
import asyncio
import contextlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from traitlets.config import Config
from workbook.isolation import zygote
from workbook.isolation.sandboxing import Limits, exposed_paths, hidden_paths

pytestmark = pytest.mark.sandbox


@pytest.fixture
def config(tmp_path):
    config = Config()
    config.SandboxKernelManager.hide = hidden_paths()
    config.SandboxKernelManager.limits = Limits(timeout=10, memory_mb=768).as_dict()
    yield config, tmp_path / "z"
    zygote.discard()


async def _run(km, code, timeout):
    """Run ``code`` in ``km``'s kernel; return what it printed."""
    client = km.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=60)
        printed = []

        def collect(msg):
            if msg["msg_type"] == "stream":
                printed.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                printed.append(f"ERROR {msg['content']['ename']}: {msg['content']['evalue']}")

        await client.execute_interactive(
            textwrap.dedent(code), timeout=timeout, output_hook=collect
        )
        return "".join(printed)
    finally:
        client.stop_channels()


def run_kernel(config, code, timeout=60):
    """Fork a kernel from this process's zygote, run ``code`` in it and return the output."""
    settings, folder = config

    async def main():
        km = zygote.start_kernel_manager(settings, folder)
        await km.start_kernel(extra_arguments=["--HistoryManager.hist_file=:memory:"])
        try:
            return await _run(km, code, timeout)
        finally:
            await km.shutdown_kernel(now=True)

    return asyncio.run(main())


def test_each_kernel_is_fresh(config):
    first = run_kernel(config, "import os; x = 1; print(os.getpid(), os.getcwd())")
    second = run_kernel(
        config,
        """
        import os, sys
        from django.conf import settings
        print("x" in globals(), "django.db.models" in sys.modules, settings.configured)
        print(os.getpid(), os.getcwd(), os.environ["HOME"])
        """,
    )
    pid, cwd = first.split()
    flags, where = second.splitlines()
    assert flags == "False True False", "expected: no state, Django imported but not set up"
    assert where.split()[0] != pid and where.split()[1] != cwd
    assert where.split()[2] == str(Path(where.split()[1]).parent / "home")


def test_nothing_a_kernel_leaves_reaches_the_next(config):
    left = run_kernel(
        config,
        """
        import os, time
        open("/tmp/left-behind", "w").write("secret")
        open("/dev/shm/left-behind", "w").write("secret")
        open(os.path.join(os.path.dirname(os.getcwd()), "..", "left-behind"), "w").write("s")
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                while True:  # a daemon that would wait for the next kernel
                    time.sleep(0.01)
            os._exit(0)
        time.sleep(0.2)
        print("daemon started")
        """,
    )
    assert "daemon started" in left
    found = run_kernel(
        config,
        """
        import os
        mine = {1, os.getpid(), os.getppid()}
        others = [p for p in os.listdir("/proc") if p.isdigit() and int(p) not in mine]
        here = os.path.dirname(os.path.dirname(os.getcwd()))
        print((sorted(os.listdir("/tmp")), os.listdir("/dev/shm"), os.listdir(here), others))
        """,
    )
    tmp, shm, folder, others = ast.literal_eval(found)
    assert others == [], f"processes of the previous kernel are alive: {found}"
    assert shm == [] and "left-behind" not in folder
    # /tmp keeps only the ways to the zygote's folder and to what the sandbox shows read-only.
    kept = [Path(path) for path in [config[1].resolve(), *exposed_paths()]]
    assert tmp == sorted({p.relative_to("/tmp").parts[0] for p in kept if p.is_relative_to("/tmp")})


@pytest.mark.parametrize("attack", ["SIGSTOP", "SIGKILL"])
def test_a_kernel_that_stops_or_kills_the_zygote_harms_only_itself(config, attack):
    # The attacker's own kernel may die with the zygote's sandbox before it replies.
    with contextlib.suppress(TimeoutError):
        run_kernel(config, f"import os, signal; os.kill(os.getppid(), signal.{attack})", 5)
    assert run_kernel(config, "print(6 * 7)").strip() == "42"


def test_a_kernel_cannot_ptrace_or_read_the_zygote(config):
    output = run_kernel(
        config,
        """
        import ctypes, os
        libc = ctypes.CDLL(None, use_errno=True)
        print("attach", libc.ptrace(16, os.getppid(), 0, 0), ctypes.get_errno() != 0)
        for name in ("mem", "environ"):
            try:
                open(f"/proc/{os.getppid()}/{name}", "rb").read(1)
                print(name, "EXPOSED")
            except OSError as error:
                print(name, "DENIED", type(error).__name__)
        """,
    )
    assert "attach -1 True" in output, output
    assert "mem DENIED" in output and "environ DENIED" in output, output


def test_the_zygote_refuses_to_run_outside_a_pid_namespace():
    run = subprocess.run(
        [sys.executable, "-c", zygote.SOURCE, "0"], capture_output=True, text=True, timeout=60
    )
    assert run.returncode != 0 and "own PID namespace" in run.stderr
