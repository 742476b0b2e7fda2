"""Start a command under resource limits: ``python -S limited.py SPEC_JSON -- COMMAND...``.

Run as a script (not imported) just before a grading kernel starts, so that it costs a few
milliseconds: it needs nothing but the standard library. ``SPEC_JSON`` holds ``rlimits``
(``{"AS": bytes, "NPROC": n, ...}``), ``cgroups`` (folders whose ``cgroup.procs`` this process
joins) and ``cwd``. The command replaces this process, so limits and cgroups carry over to it
and to everything it starts.
"""

import ctypes
import json
import os
import resource
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent():
    """Ask the kernel to kill this process (and so the kernel it becomes) if the grader dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def apply(spec):
    for name, value in spec.get("rlimits", {}).items():
        limit = getattr(resource, f"RLIMIT_{name}")
        resource.setrlimit(limit, (value, value))
    for folder in spec.get("cgroups", []):
        with open(os.path.join(folder, "cgroup.procs"), "w") as procs:
            procs.write(str(os.getpid()))
    if spec.get("cwd"):
        os.chdir(spec["cwd"])


def main(argv):
    if len(argv) < 4 or argv[2] != "--":
        sys.exit("usage: limited.py SPEC_JSON -- COMMAND...")
    die_with_parent()
    apply(json.loads(argv[1]))
    # jupyter_client sets it; in a new PID namespace the kernel would see its parent as gone.
    os.environ.pop("JPY_PARENT_PID", None)
    os.execvp(argv[3], argv[3:])


if __name__ == "__main__":
    main(sys.argv)
