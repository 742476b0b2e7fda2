"""Kernel side of the grader's zygote: a pre-imported Python that forks one kernel per notebook.

A grading worker starts this once, inside one bwrap sandbox, as ``python -c SOURCE FD``
(the grading package is hidden in there, so its text is sent, as with the guard). It imports
what every grading kernel needs (ipykernel, IPython, Django's modules, the sandbox toolkit;
Django is *not* set up: each kernel's boot cell does that with its own database), makes
itself undumpable (a kernel cannot ptrace it or read its memory) and then only obeys the
worker, over the SOCK_SEQPACKET socket ``FD``, one JSON request per message:

- ``{"op": "reset", "folder": F}``: kill every other process in the sandbox (the previous
  kernel and anything it left behind; ``kill(-1)`` cannot be outrun by ``fork``), then empty
  ``/tmp``, ``/dev/shm`` and ``F``. The worker asks for this before each kernel.
- ``{"op": "fork", "argv": [...], "env": {...}, "cwd": C, "rlimits": {...}}``: fork a kernel.
  The child starts a new session, takes the environment, working folder and limits it is
  given and runs ipykernel as ``python -m ipykernel_launcher`` would; the reply carries a
  pidfd for it, with which the worker watches and kills it.

It never runs submitted code itself. Standard library and the kernel's own packages only.
"""

import contextlib
import ctypes
import importlib
import json
import os
import resource
import signal
import socket
import stat
import sys
import tempfile
import threading
import time
import traceback

PR_SET_DUMPABLE = 4
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.iostream",
    "ipykernel.comm",
    "ipykernel.debugger",
    "IPython.core.interactiveshell",
    "IPython.core.ultratb",
    "IPython.core.completer",
    "jupyter_client.session",
    "stack_data",
    "executing",
    "pygments.lexers.python",
    "pygments.formatters.terminal256",
    "sqlite3",
    "django.db.models",
    "django.test",
    "django.test.utils",
    "django.urls",
    "django.core.handlers.wsgi",
    "django.core.handlers.asgi",
    "django.template",
    "django.db.backends.sqlite3.base",
    "workbench.boot",
    "workbench.databases",
    "workbench.sandbox",
)
MESSAGE_BYTES = 1 << 20


def preload():
    """Import what every kernel needs; a module that fails to import is simply left out."""
    for name in PRELOAD:
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    with contextlib.suppress(Exception):  # a kernel's first traceback compiles a lot
        from IPython.core import ultratb

        try:
            raise AssertionError("warm-up")
        except AssertionError:
            formatter = ultratb.AutoFormattedTB(mode="Context", theme_name="linux", tb_offset=1)
            formatter.structured_traceback(*sys.exc_info())
    from django.conf import settings

    if settings.configured:
        raise RuntimeError("preloading configured Django")


def undumpable():
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")


def empty(folder, keep=None):
    """Delete what ``folder`` holds, except ``keep`` and the way to it, and what is mounted.

    Mount points are what the sandbox shows read-only (Python, the project): left alone. Any
    depth of folders and any folder mode are handled without recursion or long paths: each
    folder met below the top is first moved up into ``folder`` and emptied there.
    """
    device = os.lstat(folder).st_dev
    todo, emptied, moved = [folder], [], 0
    while todo:
        current = todo.pop()
        emptied.append(current)
        try:
            names = os.listdir(current)
        except OSError:
            continue
        for name in names:
            path = os.path.join(current, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if not stat.S_ISDIR(info.st_mode):
                with contextlib.suppress(OSError):
                    os.unlink(path)
            elif info.st_dev != device or path == keep:
                continue
            elif keep and keep.startswith(path + "/"):
                todo.append(path)  # on the way to what is kept: emptied where it is
            else:
                with contextlib.suppress(OSError):
                    os.chmod(path, 0o700)  # a folder made unreadable by its owner
                if current != folder:
                    moved += 1
                    target = os.path.join(folder, f".emptying-{os.getpid()}-{moved}")
                    try:
                        os.rename(path, target)
                    except OSError:
                        continue
                    path = target
                todo.append(path)
    for path in reversed(emptied[1:]):
        with contextlib.suppress(OSError):  # not empty: it leads to a mount or to ``keep``
            os.rmdir(path)


def remove_tree(folder):
    """Delete ``folder`` with all it holds, whatever a kernel left there; never raises."""
    with contextlib.suppress(OSError):
        empty(str(folder))
        os.rmdir(folder)


def others():
    """Processes in this PID namespace other than its init (1) and this zygote."""
    me = os.getpid()
    pids = (int(name) for name in os.listdir("/proc") if name.isdigit())
    return [pid for pid in pids if pid not in (1, me)]


def reset(request):
    deadline = time.monotonic() + 10
    while others():
        with contextlib.suppress(ProcessLookupError):
            os.kill(-1, signal.SIGKILL)  # everything this sandbox holds, but init and us
        if time.monotonic() > deadline:
            raise RuntimeError(f"processes survive SIGKILL: {others()}")
        time.sleep(0.002)  # the dead wait to be reaped
    kept = request["folder"]
    for folder in ("/tmp", "/dev/shm", kept):
        empty(folder, keep=kept)
    return {"ok": True}, []


def fork(request, channel):
    if threading.active_count() != 1:
        raise RuntimeError("the zygote has threads: forking now is unsafe")
    pid = os.fork()
    if pid == 0:
        try:
            run_kernel(request, channel)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        raise RuntimeError("the kernel exited as soon as it was forked") from None
    return {"ok": True, "pid": pid}, [pidfd]


def run_kernel(request, channel):
    """In the forked child: become a fresh kernel process and run ipykernel."""
    channel.close()
    os.setsid()
    for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGPIPE):
        signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.environ.clear()
    os.environ.update(request["env"])
    tempfile.tempdir = None  # read TMPDIR afresh
    os.chdir(request["cwd"])
    for name, value in request["rlimits"].items():
        resource.setrlimit(getattr(resource, f"RLIMIT_{name}"), (value, value))
    argv = request["argv"]
    module = argv.index("-m")
    if argv[module + 1] != "ipykernel_launcher":
        raise RuntimeError(f"not an ipykernel command: {argv}")
    sys.argv = ["ipykernel_launcher", *argv[module + 2 :]]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()
    os._exit(0)


def serve(channel):
    operations = {"reset": lambda request: reset(request), "fork": lambda r: fork(r, channel)}
    channel.send(json.dumps({"ok": True, "ready": True}).encode())
    while True:
        data = channel.recv(MESSAGE_BYTES)
        if not data:
            return  # the worker is gone
        fds = []
        try:
            request = json.loads(data)
            reply, fds = operations[request["op"]](request)
        except Exception as error:
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        socket.send_fds(channel, [json.dumps(reply).encode()], fds)
        for fd in fds:
            os.close(fd)


def in_own_pid_namespace():
    """True as the first process under bwrap's init in a new PID namespace (pid 2, parent 1).

    Only there does ``kill(-1)`` reach nothing but the sandbox (outside one, pid 2 is a kernel
    thread, never a user's process).
    """
    return os.getpid() == 2 and os.getppid() == 1


def main(argv):
    if not in_own_pid_namespace():
        sys.exit("kernel_zygote runs only inside a sandbox with its own PID namespace")
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]
    channel = socket.socket(fileno=int(argv[1]))
    preload()
    undumpable()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped as they exit
    serve(channel)


if __name__ == "__main__":
    main(sys.argv)
