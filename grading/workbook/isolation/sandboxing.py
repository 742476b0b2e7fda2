"""Run a grading kernel where it can do no harm: bubblewrap, resource limits, a clean env.

The kernel of each graded notebook starts inside ``bwrap`` with no network, no capabilities,
its own PID, IPC and UTS namespaces, a private ``/tmp`` and only its own working folder
writable (or, forked by a worker's zygote, inside the zygote's sandbox of the same kind: see
``zygote``). It sees an allow-list of the machine, read-only: the system's programs,
libraries and settings (``SYSTEM``), the Python installation and the sandbox project.
Folders it must not see even there (the course folder with every submission and the
gradebook, the repository with the instructor notebooks and tests, home folders) are
covered with empty tmpfs mounts. Kernel and grader talk over ZeroMQ's IPC transport through
sockets in the kernel's working folder, since the kernel has no network to reach.

Limits (``Limits``) are applied by ``limited.py`` just before the kernel starts: a cgroup
(pids and memory) where one can be made, else ``setrlimit`` (address space, processes), plus
file size and core dumps. Grading refuses to start where bwrap is unusable (``bwrap_problem``
says why and how to fix it); only ``--no-sandbox`` runs kernels unconfined, with a loud
warning: then only the limits remain.
"""

import contextlib
import functools
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, Dict, DottedObjectName, List, Type, Unicode
from workbench.kernelspec import kernel_json

from workbook.isolation.kernel_side.kernel_zygote import remove_tree
from workbook.isolation.limits import Limits
from workbook.paths import REPO_DIR

LAUNCHER = Path(__file__).parent / "kernel_side" / "limited.py"
SANDBOX_PROJECT = REPO_DIR / "sandbox_project"
CGROUP_ROOT = Path("/sys/fs/cgroup")
NAMESPACES = ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts"]
# Set by nbgrader while it runs notebooks; its FAQ tells authors to rely on them.
NBGRADER_VARIABLES = ("NBGRADER_EXECUTION", "NBGRADER_VALIDATING")
# What a kernel sees of the machine besides Python and the project (``exposed_paths``).
SYSTEM = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc"]
# Folders a kernel never needs to read: covered with an empty tmpfs inside the sandbox.
ALWAYS_HIDDEN = ["/home", "/root", "/run", "/mnt", "/media", "/srv", "/var/tmp", "/var/lib"]
WARNING = (
    "WARNING: grading WITHOUT a sandbox ({reason}). Submitted code runs with your user's "
    "rights: it can read every submission, the instructor notebooks and the gradebook, and "
    "reach the network. Only time, memory, process and file-size limits apply. Grade only "
    "submissions you trust this way, or install bubblewrap and allow user namespaces."
)


INSTALL_BWRAP = "sudo apt-get install bubblewrap (Debian/Ubuntu; dnf install bubblewrap on Fedora)"
ALLOW_NAMESPACES = (
    "allow unprivileged user namespaces (sudo sysctl -w kernel.unprivileged_userns_clone=1; "
    "on Ubuntu 24.04 and later sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0), "
    "or grade in a container or VM that permits them"
)


@functools.cache
def bwrap_problem():
    """Return why bwrap cannot sandbox kernels here and how to fix it, or ``None`` if it can."""
    if not shutil.which("bwrap"):
        return f"bubblewrap (bwrap) is not installed: {INSTALL_BWRAP}"
    probe = ["bwrap", *NAMESPACES, "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev"]
    try:
        run = subprocess.run([*probe, "true"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"bwrap could not start ({error}): reinstall it with {INSTALL_BWRAP}"
    if run.returncode != 0:
        said = run.stderr.strip() or f"exit status {run.returncode}"
        return f"bwrap cannot create namespaces here ({said}): {ALLOW_NAMESPACES}"
    return None


def hidden_paths(extra=()):
    """Return the existing folders a kernel must not see."""
    paths = [*ALWAYS_HIDDEN, str(Path.home()), str(REPO_DIR), *map(str, extra)]
    parent = REPO_DIR.parent
    if len(parent.parts) > 1 and parent.parts[1] not in {"usr", "opt", "etc", "var", "tmp"}:
        paths.append(str(parent))  # e.g. /work: siblings of the repository
    found = []
    for path in sorted({os.path.realpath(p) for p in paths}, key=lambda p: (p.count("/"), p)):
        inside = any(path.startswith(parent.rstrip("/") + "/") for parent in found)
        if os.path.isdir(path) and path != "/" and not inside:
            found.append(path)  # parents first; what lies inside a hidden folder is hidden
    return found


def exposed_paths():
    """Return what the kernel needs to read: Python, the environment, the sandbox project."""
    paths = [sys.base_prefix, sys.prefix, str(SANDBOX_PROJECT)]
    paths += [os.path.realpath(p) for p in paths]
    found = []
    for path in paths:
        if os.path.exists(path) and path not in found:
            found.append(path)
    return found


def system_binds():
    """bwrap arguments that show the system's programs, libraries and settings, read-only.

    An allow-list: whatever else the machine holds (other courses, copies of the instructor
    notebooks, mounted volumes) is simply not there; Python and the project come on top.
    """
    argv = []
    for path in SYSTEM:
        if os.path.islink(path):  # merged /usr: /bin -> usr/bin
            argv += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            argv += ["--ro-bind", path, path]
    return argv


def bwrap_prefix(workdir, hide, limits, cwd=None):
    """Return the bwrap command line that confines a kernel to ``workdir``."""
    argv = ["bwrap", "--die-with-parent", "--new-session", *NAMESPACES, "--unshare-cgroup-try"]
    argv += ["--cap-drop", "ALL"]  # as root, bwrap would leave the kernel nearly every capability
    argv += ["--hostname", "sandbox", *system_binds(), "--dev", "/dev", "--proc", "/proc"]
    argv += ["--size", str(limits.tmp_mb * 2**20), "--tmpfs", "/tmp"]
    argv += ["--size", str(64 * 2**20), "--tmpfs", "/dev/shm"]
    for path in hide:
        argv += ["--tmpfs", path]
    for path in exposed_paths():
        argv += ["--ro-bind", path, path]
    argv += ["--bind", str(workdir), str(workdir)]
    for path in hide:  # empty and read-only: nothing to find, nowhere to leave files
        argv += ["--remount-ro", path]
    return [*argv, "--chdir", str(cwd or workdir / "work"), "--"]


def cgroup_prefix(pid):
    """The start of the names of the cgroups made by process ``pid`` of this PID namespace.

    PIDs are only unique within a PID namespace (a grader may run in one of its own), so the
    namespace is part of the name: no grader ever takes another namespace's groups for its own.
    """
    return f"workbook-{os.stat('/proc/self/ns/pid').st_ino}-{pid}-"


class Cgroups:
    """cgroup v1 ``pids`` and ``memory`` groups for one kernel, where we may create them."""

    def __init__(self, limits):
        self.folders = []
        name = cgroup_prefix(os.getpid()) + uuid.uuid4().hex[:8]
        settings = {
            "pids": {"pids.max": limits.processes},
            "memory": {
                "memory.limit_in_bytes": limits.memory_mb * 2**20,
                "memory.memsw.limit_in_bytes": limits.memory_mb * 2**20,
            },
        }
        for controller, values in settings.items():
            folder = CGROUP_ROOT / controller / name
            try:
                folder.mkdir()
            except OSError:
                continue
            try:
                for key, value in values.items():
                    if (folder / key).exists():
                        (folder / key).write_text(str(value))
            except OSError:
                folder.rmdir()
                continue
            self.folders.append(folder)

    @property
    def controllers(self):
        return {folder.parent.name for folder in self.folders}

    def adopt(self, pid):
        """Move process ``pid`` (as this process sees it) into the groups."""
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(pid))

    def cleanup(self):
        """Kill whatever is left in the groups and remove them."""
        for folder in self.folders:
            for _ in range(50):
                try:
                    pids = (folder / "cgroup.procs").read_text().split()
                except OSError:
                    break
                if not pids:
                    break
                for pid in pids:
                    with contextlib.suppress(ProcessLookupError, ValueError):
                        os.kill(int(pid), signal.SIGKILL)
                time.sleep(0.02)
            with contextlib.suppress(OSError):
                folder.rmdir()
        self.folders = []


def cleanup_cgroups(pid):
    """Remove the cgroups of kernels started by process ``pid`` (a worker that was killed)."""
    leftovers = Cgroups.__new__(Cgroups)
    leftovers.folders = [
        folder
        for controller in ("pids", "memory")
        for folder in (CGROUP_ROOT / controller).glob(cgroup_prefix(pid) + "*")
    ]
    leftovers.cleanup()


def sweep_cgroups():
    """Remove the cgroups left by grader processes of this PID namespace that no longer exist."""
    ours = cgroup_prefix("")
    for controller in ("pids", "memory"):
        for folder in (CGROUP_ROOT / controller).glob(ours + "*-*"):
            pid = folder.name[len(ours) :].split("-")[0]
            if pid.isdigit() and not Path(f"/proc/{pid}").exists():
                cleanup_cgroups(int(pid))


def rlimits(limits, cgroups):
    """Return the ``setrlimit`` values for a kernel (cgroups cover memory and processes)."""
    values = {"CORE": 0, "FSIZE": limits.file_size_mb * 2**20, "NOFILE": 4096}
    if "memory" not in cgroups.controllers:
        # Address space, not memory: leave room for what threads and libraries only reserve.
        values["AS"] = (limits.memory_mb + 1024) * 2**20
    if "pids" not in cgroups.controllers and os.getuid() != 0:
        # RLIMIT_NPROC counts every process of this user, not only the kernel's.
        values["NPROC"] = _user_processes() + limits.processes
    return values


def _user_processes():
    uid = os.getuid()
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                count += entry.stat().st_uid == uid
    return count


def limited_command(command, rlimits, cgroups, cwd=None):
    """Return ``command`` started through ``limited.py`` with these limits and cgroups."""
    spec = {"rlimits": rlimits, "cgroups": [str(folder) for folder in cgroups.folders], "cwd": cwd}
    return [sys.executable, "-S", str(LAUNCHER), json.dumps(spec), "--", *command]


def copy_released_files(folder, work):
    """Copy the files beside a graded notebook (data files the assignment released) to
    ``work``, the kernel's working folder, read-only: the notebook opens them as it would
    in its own folder. Notebooks stay behind."""
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".ipynb" or not path.is_file() or path.is_symlink():
            continue
        target = work / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        target.chmod(0o444)


def kernel_env(workdir, sandboxed):
    """Return the kernel's whole environment: nothing inherited from the grader but the
    variables nbgrader sets for the notebooks it runs (``NBGRADER_EXECUTION``)."""
    spec_env = kernel_json()["env"]
    nbgrader = {name: os.environ[name] for name in NBGRADER_VARIABLES if name in os.environ}
    return {
        **nbgrader,
        "PATH": os.pathsep.join(
            [str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"]
        ),
        "HOME": str(workdir / "home"),
        "IPYTHONDIR": str(workdir / "ipython"),
        "MPLCONFIGDIR": str(workdir / "home"),
        "MPLBACKEND": "agg",
        "TMPDIR": "/tmp" if sandboxed else str(workdir / "tmp"),
        "LANG": "C.UTF-8",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "WORKBOOK_STATE_DIR": str(workdir / "state"),
        "WORKBOOK_DATABASE": "sqlite",
        "WORKBOOK_CACHE": "locmem",
        **spec_env,
    }


class SandboxKernelClient(AsyncKernelClient):
    """jupyter_client's client, waiting for a kernel without its fixed 0.2 s pauses."""

    async def wait_for_ready(self, timeout=None):
        """Ask for kernel info until the reply comes *and* IOPub carries a message.

        The stock check waits 0.2 s for IOPub after the first reply, which nearly always
        comes before the subscription is live; asking again at once is quicker.
        """
        deadline = time.monotonic() + (math.inf if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=0.02)
                except Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(reply)
                    return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} s")


class SandboxKernelManager(AsyncKernelManager):
    """Start the workbook's kernel confined by bwrap and limits, in a fresh working folder."""

    client_class = DottedObjectName("workbook.isolation.sandboxing.SandboxKernelClient")
    client_factory = Type(SandboxKernelClient, klass=AsyncKernelClient)

    workdir_base = Unicode("", help="Folder for the kernels' working folders.").tag(config=True)
    sandbox = Bool(True, help="Confine the kernel with bwrap.").tag(config=True)
    hide = List(Unicode(), help="Further folders the kernel must not see.").tag(config=True)
    templates = List(Unicode(), help="Template databases copied into the state folder.").tag(
        config=True
    )
    limits = Dict(help="Limits.as_dict()").tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.workdir = self.make_workdir()
        for name in ("runtime", "home", "ipython", "state", "work", "tmp"):
            (self.workdir / name).mkdir()
        for template in self.templates:
            shutil.copyfile(template, self.workdir / "state" / Path(template).name)
        self.connection_file = str(self.workdir / "runtime" / "kernel.json")
        if self.sandbox:
            # Absolute: grader and kernel resolve it against different working folders.
            self.transport = "ipc"
            self.ip = str(self.workdir / "runtime" / "k")
        self._limits = Limits(**self.limits)
        self._cgroups = None

    def make_workdir(self):
        """Create and return the kernel's working folder (empty)."""
        return Path(tempfile.mkdtemp(prefix="k", dir=self.workdir_base or None)).resolve()

    @property
    def kernel_spec(self):
        """The workbook kernel, whatever kernel the notebook names; interrupted by message."""
        if self._kernel_spec is None:
            spec = kernel_json()
            spec["interrupt_mode"] = "message"  # a signal would stop bwrap, not the kernel
            self._kernel_spec = KernelSpec(resource_dir=str(self.workdir), **spec)
        return self._kernel_spec

    @property
    def cgroups(self):
        """The kernel's cgroups, made on first use (the kernel is about to start)."""
        if self._cgroups is None:
            self._cgroups = Cgroups(self._limits)
        return self._cgroups

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        if self.sandbox:
            command = bwrap_prefix(self.workdir, self.hide, self._limits) + command
        cwd = None if self.sandbox else str(self.workdir / "work")
        return limited_command(command, rlimits(self._limits, self.cgroups), self.cgroups, cwd)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        if kw.get("cwd"):  # the notebook's folder, where nbgrader put the released files
            copy_released_files(Path(kw["cwd"]), self.workdir / "work")
        kw["env"] = kernel_env(self.workdir, self.sandbox)
        kw["cwd"] = str(self.workdir / "work")
        await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            self.release()

    def release(self):
        """Kill leftovers and delete the working folder (the kernel is gone by now)."""
        if self._cgroups is not None:
            self._cgroups.cleanup()
        remove_tree(self.workdir)
