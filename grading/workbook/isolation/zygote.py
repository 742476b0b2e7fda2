"""Grading kernels forked from a pre-imported zygote: one zygote per grading worker.

Starting a grading kernel from nothing (bwrap, Python, ipykernel, Django's imports) costs most
of a second of CPU per notebook. A worker therefore starts ``kernel_zygote`` once, in one
bwrap sandbox with the namespaces, hidden folders and read-only view a kernel gets, and has
it fork each notebook's kernel. Every kernel is still fresh:

- before each kernel the zygote kills every process left in its sandbox and empties ``/tmp``,
  ``/dev/shm`` and its writable folder: nothing of the previous notebook, of this submission or
  another, is alive or on disk when the next kernel starts, and only one kernel exists at a time;
- the kernel gets its own working folder, environment, session, rlimits and (where they can be
  made) cgroups, as a kernel started on its own does;
- the zygote runs no submitted code and is undumpable (no ptrace, no reading its memory).

A forked kernel shares its zygote's PID namespace, so it can see the zygote and signal it: a
zygote that stops answering is killed with its whole sandbox and started again.
"""

import asyncio
import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import Instance
from workbench.kernelspec import kernel_json

from workbook.isolation.kernel_side.kernel_zygote import remove_tree
from workbook.isolation.sandboxing import (
    Cgroups,
    Limits,
    SandboxKernelManager,
    bwrap_prefix,
    kernel_env,
    limited_command,
    rlimits,
)

SOURCE = (Path(__file__).parent / "kernel_side" / "kernel_zygote.py").read_text()
START_SECONDS = 120  # imports on a busy machine
REPLY_SECONDS = 10  # a reset or fork takes milliseconds
MESSAGE_BYTES = 1 << 16


class ZygoteError(RuntimeError):
    """The zygote did not do what it was asked; the message says why."""


class ForkedProcess:
    """A forked kernel, seen through a pidfd: as much of ``Popen`` as jupyter_client uses.

    The zygote reaps its kernels, so the exit status is not known here: ``returncode`` is -1
    once the kernel has exited.
    """

    stdin = stdout = stderr = None

    def __init__(self, pidfd, pid):
        self.pidfd = pidfd
        self.pid = pid  # in the sandbox's PID namespace
        self.returncode = None
        self.outer_pid = _outer_pid(pidfd)

    def poll(self):
        if self.returncode is None and select.select([self.pidfd], [], [], 0)[0]:
            self.returncode = -1
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if not select.select([self.pidfd], [], [], timeout)[0]:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout)
            self.returncode = -1
        return self.returncode

    async def exited(self):
        """Wait, without polling, until the kernel has exited."""
        if self.poll() is not None:
            return
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        loop.add_reader(self.pidfd, lambda: done.done() or done.set_result(None))
        try:
            await done
        finally:
            loop.remove_reader(self.pidfd)
        self.returncode = -1

    def send_signal(self, number):
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(self.pidfd, number)

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    def close(self):
        if self.pidfd >= 0:
            os.close(self.pidfd)
            self.pidfd = -1


def _outer_pid(pidfd):
    """The process's PID as this process sees it (for cgroups), from the pidfd's fdinfo."""
    for line in Path(f"/proc/self/fdinfo/{pidfd}").read_text().splitlines():
        if line.startswith("Pid:"):
            return int(line.split()[1])
    raise ZygoteError("the kernel's pidfd names no process")


class Zygote:
    """One running ``kernel_zygote`` in its bwrap sandbox, writing only to ``folder``."""

    def __init__(self, folder, hide, limits):
        self.folder = Path(folder).resolve()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.settings = (list(hide), limits)
        self._cgroups = Cgroups(limits)
        self._channel, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        python = kernel_json()["argv"]  # the kernel's interpreter and options, up to "-m"
        command = bwrap_prefix(self.folder, hide, limits, cwd=self.folder)
        command += [*python[: python.index("-m")], "-c", SOURCE, str(theirs.fileno())]
        command = limited_command(command, {"CORE": 0}, self._cgroups)
        try:
            self.process = subprocess.Popen(
                command,
                pass_fds=[theirs.fileno()],
                env=kernel_env(self.folder, sandboxed=True),
                cwd=self.folder,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=None if os.environ.get("WORKBOOK_DEBUG") else subprocess.DEVNULL,
            )
        finally:
            theirs.close()
        self._started = False

    def started(self):
        """Wait until the zygote has done its imports and said so; return it."""
        if not self._started:
            try:
                self._receive(START_SECONDS)
            except ZygoteError:
                self.close()
                raise
            self._started = True
        return self

    def alive(self):
        return self.process.poll() is None

    def reset(self):
        """Kill everything in the sandbox but the zygote; empty /tmp, /dev/shm and the folder."""
        self._request({"op": "reset", "folder": str(self.folder)})

    def fork(self, argv, env, cwd, limits):
        """Fork a kernel running ``argv`` (an ipykernel command); return its ``ForkedProcess``."""
        request = {"op": "fork", "argv": argv, "env": env, "cwd": cwd, "rlimits": limits}
        reply, fds = self._request(request)
        if len(fds) != 1:
            for fd in fds:
                os.close(fd)
            raise ZygoteError("the zygote's reply carried no pidfd")
        return ForkedProcess(fds[0], reply["pid"])

    def close(self):
        """Kill the zygote's sandbox with all it holds, and delete its folder."""
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()  # bwrap: its PID namespace goes with it
        self.process.wait()
        self._cgroups.cleanup()
        self._channel.close()
        remove_tree(self.folder)

    def _request(self, request):
        try:
            self._channel.send(json.dumps(request).encode())
        except OSError as error:
            raise ZygoteError(f"the zygote cannot be reached: {error}") from None
        return self._receive(REPLY_SECONDS)

    def _receive(self, timeout):
        self._channel.settimeout(timeout)
        try:
            data, fds, _, _ = socket.recv_fds(self._channel, MESSAGE_BYTES, 1)
        except OSError as error:  # timeouts included
            raise ZygoteError(f"the zygote did not answer: {error or 'timed out'}") from None
        reply = json.loads(data) if data else {"ok": False, "error": "the zygote exited"}
        if not reply.get("ok"):
            for fd in fds:
                os.close(fd)
            raise ZygoteError(reply.get("error", "unknown error"))
        return reply, fds


_zygote = None  # this process's zygote


def start_early(folder, hide, limits):
    """Start this process's zygote without waiting for it: ``running`` waits, if it must.

    A zygote that cannot start here is started (or found wanting) again by ``running``.
    """
    global _zygote
    discard()
    with contextlib.suppress(OSError, ZygoteError):
        _zygote = Zygote(folder, hide, limits)


def running(folder, hide, limits):
    """Return this process's zygote for these settings, (re)starting it when needed."""
    global _zygote
    if _zygote is not None:
        current = (_zygote.folder, _zygote.settings)
        if current != (Path(folder).resolve(), (list(hide), limits)) or not _zygote.alive():
            discard()
    if _zygote is None:
        _zygote = Zygote(folder, hide, limits)
    try:
        return _zygote.started()
    except ZygoteError:
        _zygote = None  # closed by started()
        raise


def discard():
    """Stop this process's zygote, if any (a worker stopping, or a zygote gone wrong)."""
    global _zygote
    if _zygote is not None:
        stopping, _zygote = _zygote, None
        stopping.close()


class ForkedProvisioner(LocalProvisioner):
    """jupyter_client's local provisioner, with the kernel forked by the zygote."""

    async def launch_kernel(self, cmd, **kwargs):
        self.process = self.parent.fork(cmd, kwargs["env"], kwargs["cwd"])
        self.pid = self.process.pid
        return self.connection_info

    async def wait(self):
        if self.process is None:
            return 0
        await self.process.exited()
        self.process.close()
        code, self.process = self.process.returncode, None
        return code


class ForkedKernelManager(SandboxKernelManager):
    """``SandboxKernelManager`` for kernels forked by this worker's zygote."""

    zygote = Instance(Zygote)

    def make_workdir(self):
        try:
            self.zygote.reset()
        except ZygoteError as error:  # stopped or killed by a previous kernel: start afresh
            self.log.warning("Restarting the kernel zygote: %s", error)
            discard()
            hide, limits = self.zygote.settings
            self.zygote = running(self.zygote.folder, hide, limits)
            self.zygote.reset()
        return Path(tempfile.mkdtemp(prefix="k", dir=self.zygote.folder)).resolve()

    def format_kernel_cmd(self, extra_arguments=None):
        """The plain ipykernel command: the zygote forks it, with no launcher or bwrap."""
        return AsyncKernelManager.format_kernel_cmd(self, extra_arguments)

    def fork(self, argv, env, cwd):
        limits = rlimits(self._limits, self.cgroups)
        process = self.zygote.fork(argv, env, cwd, limits)
        try:
            self.cgroups.adopt(process.outer_pid)
        except OSError:
            process.kill()
            process.close()
            raise
        return process

    async def _async_pre_start_kernel(self, **kw):
        self.kernel_id = self.kernel_id or str(uuid.uuid4())
        if self.provisioner is None:
            self.provisioner = ForkedProvisioner(
                kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self
            )
        return await super()._async_pre_start_kernel(**kw)

    async def _async_wait(self, pollinterval=0.1):
        if self.provisioner is not None and self.provisioner.process is not None:
            await self.provisioner.process.exited()


def start_kernel_manager(config, folder):
    """Return a ``ForkedKernelManager`` for ``config``, with this process's zygote in ``folder``."""
    settings = config.SandboxKernelManager
    limits = Limits(**settings.get("limits", {}))
    found = running(folder, settings.get("hide", []), limits)
    return ForkedKernelManager(config=config, zygote=found)
