"""Hostile submissions, generated from ``notebooks/00_orientation.ipynb`` (so they keep in step).

Each is the candidate version (stubs: worth 0) plus one attack, so whatever the attack, the
right score is 0: "gains nothing" means every graded cell scores 0. ``build(course, paths)``
returns ``{student id: NotebookNode}``; ``paths`` names what a kernel must not be able to read
or write (instructor notebook, course source, gradebook, another candidate's submission,
the repository's tests).
"""

import copy

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell
from workbook.notebook import nbgrader

COUNT = "orientation_public_audio_count"
TOP = "orientation_top_creators"
DENIED = "DENIED"
EXPOSED = "EXPOSED"

PATCH_HELPERS = """
# Count in Python (wrong), and fake the query capture the tests rely on.
from catalog.models import Audio
import django.test
import django.test.utils
from django.db.models.query import QuerySet


def public_audio_count():
    return len([audio for audio in Audio.objects.all() if audio.is_public])


class FakeCapture(list):
    def __init__(self, *args, **kwargs):
        super().__init__([{"sql": "SELECT COUNT(*) FROM fake", "time": "0"}])

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


django.test.utils.CaptureQueriesContext = FakeCapture
django.test.Client.get = lambda self, *a, **k: None
QuerySet.__len__ = lambda self: 1
sandbox.reset = lambda: None
"""

SWALLOW_ERRORS = """
ip = get_ipython()
ip.set_custom_exc((BaseException,), lambda shell, etype, value, tb, tb_offset=None: [])
ip.showtraceback = lambda *args, **kwargs: None
ip._showtraceback = lambda *args, **kwargs: None


def forget_errors(result):
    result.error_in_exec = None
    result.error_before_exec = None


ip.events.register("post_run_cell", forget_errors)
"""

TRANSFORM_CELLS = """
get_ipython().input_transformers_cleanup.append(lambda lines: ["pass\\n"])
"""

THREAD_HOOK = """
import threading, time

def keep_hooking():
    ip = get_ipython()
    def forget(result):
        result.error_in_exec = None
    ip.showtraceback = lambda *args, **kwargs: None
    while True:
        if forget not in ip.events.callbacks["post_run_cell"]:
            ip.events.callbacks["post_run_cell"].append(forget)
        ip.showtraceback = lambda *args, **kwargs: None
        time.sleep(0.0005)

threading.Thread(target=keep_hooking, daemon=True).start()
"""

PROBE = """
import os
from pathlib import Path

def _probe(label, action):
    try:
        action()
    except Exception as error:
        print(f"{label}: DENIED ({type(error).__name__})")
    else:
        print(f"{label}: EXPOSED")

{probes}
import socket
_probe("network", lambda: socket.create_connection(("{host}", 80), timeout=3))

# ctypes in a child process: the static policy keeps it out of the kernel itself.
import subprocess, sys
_CALL = (
    "import ctypes, sys\\n"
    "libc = ctypes.CDLL(None, use_errno=True)\\n"
    "name, *args = sys.argv[1:]\\n"
    "args = [int(a) if a.lstrip('-').isdigit() else a.encode() for a in args]\\n"
    "sys.exit(0 if getattr(libc, name)(*args) == 0 else 1)\\n"
)

def _call(name, *args):
    argv = [sys.executable, "-c", _CALL, name, *map(str, args)]
    if subprocess.run(argv).returncode != 0:
        raise OSError(name)

_probe("ptrace the kernel's parent", lambda: _call("ptrace", 16, os.getppid(), 0, 0))
_probe("unmount a hidden folder", lambda: _call("umount2", {cover!r}, 2))
"""
# Probes that do not depend on the paths (the test expects each DENIED).
FIXED_PROBES = ["network", "ptrace the kernel's parent", "unmount a hidden folder"]

# Attacks on the zygote that forks the kernels: it must harm only the attacker.
STOP_PARENT = "import os, signal\nos.kill(os.getppid(), signal.SIGSTOP)\n"
KILL_EVERYONE = """
import os, signal
for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            os.kill(int(pid), signal.SIGKILL)
        except OSError:
            pass
"""
# Folders deeper than Python's recursion limit, one of them unreadable, where cleaning up after
# the kernel must reach: its working folder and /tmp.
DEEP_TREE = """
import os
home = os.getcwd()
for base in (home, "/tmp"):
    os.chdir(base)
    for _ in range(1500):
        os.mkdir("d")
        os.chdir("d")
    os.mkdir("locked")
    os.chmod("locked", 0)
    os.chdir(home)
"""

# Code that acts *during* a test cell, reaches the kernel, or leaks the tests: each is
# withheld by the static policy before it runs. Each answers wrong, so anything gained is
# forged.
WRONG_COUNT = "def public_audio_count():\n    return 0\n"
DURING = {
    "h-audit-hook": "import sys\nsys.addaudithook(lambda event, args: None)\n",
    "h-trace-jump": (
        "import sys\n"
        "def skip(frame, event, arg):\n"
        "    if event == 'exception':\n"
        "        frame.f_lineno = frame.f_lineno + 1\n"
        "    return skip\n"
        "sys.settrace(skip)\n"
    ),
    "h-gc-callback": "import gc\ngc.callbacks.append(lambda phase, info: None)\n",
    "h-class-swap": (
        "import django.test.utils as utils\n"
        "class Always(type(utils)):\n"
        "    pass\n"
        "utils.__class__ = Always\n"
    ),
    "h-execute-wrapper": (
        "from django.db import connection as db\n"
        "db.execute_wrappers.append(lambda execute, sql, params, many, context: None)\n"
    ),
    "h-armed-stub": (
        "def public_audio_count():\n"
        "    ip = get_ipython()\n"
        "    ip.set_custom_exc((BaseException,), lambda *args, **kwargs: None)\n"
        "    return 0\n"
    ),
    "h-forged-reply": (
        "def public_audio_count():\n"
        "    kernel = get_ipython().kernel\n"
        "    parent = kernel.get_parent()\n"
        "    kernel.session.send(kernel.shell_stream, 'execute_reply', {'status': 'ok'}, parent)\n"
        "    return 0\n"
    ),
    "h-partial-credit": "import sys\nsys.displayhook(2)\n" + WRONG_COUNT,
    "h-shadow-len": "len = lambda anything: 1\n" + WRONG_COUNT,
    "h-builtins-patch": "import builtins\nbuiltins.len = lambda anything: 1\n" + WRONG_COUNT,
    "h-leak-history": "def public_audio_count():\n    print(In[-1])\n    return 0\n",
    "h-leak-frame": (
        "import sys\n"
        "def public_audio_count():\n"
        "    print(sys._getframe(1).f_code.co_consts)\n"
        "    return 0\n"
    ),
    "h-leak-linecache": (
        "import linecache, traceback\n"
        "def public_audio_count():\n"
        "    caller = traceback.extract_stack()[-2]\n"
        "    print(''.join(linecache.getlines(caller.filename)))\n"
        "    return 0\n"
    ),
    "h-comm-flood": (
        "from ipykernel.comm import Comm\n"
        "comm = Comm(target_name='flood')\n"
        "for _ in range(8):\n"
        "    comm.send({'x': 'y' * 40_000_000})\n"
    ),
}
# Values that claim to be right: plain Python, left to run; the tests' comparisons see
# through them.
LYING = {
    "h-lying-int": (
        "class Yes(int):\n"
        "    def __eq__(self, other):\n"
        "        return True\n"
        "    __hash__ = int.__hash__\n"
        "def public_audio_count():\n"
        "    return Yes(0)\n"
    ),
    "h-lying-object": (
        "class Anything:\n"
        "    def __eq__(self, other):\n"
        "        return True\n"
        "    def __ne__(self, other):\n"
        "        return False\n"
        "def public_audio_count():\n"
        "    return Anything()\n"
    ),
}

# Files of 32 MB (under the file-size limit) into the working folder until something stops it.
DISK_FILL = """
for number in range(10_000):
    with open(f"fill-{number}", "wb") as fill:
        fill.write(b"x" * 32 * 2**20)
"""


def _probe_lines(paths):
    lines = []
    for label, path in paths["read"].items():
        lines.append(f"_probe({('read ' + label)!r}, lambda: Path({str(path)!r}).read_bytes())")
    for label, path in paths["write"].items():
        lines.append(
            f"_probe({('write ' + label)!r}, lambda: open({str(path)!r}, 'ab').write(b'x'))"
        )
    return "\n".join(lines)


def _cell_index(notebook, grade_id):
    for index, cell in enumerate(notebook.cells):
        if nbgrader(cell).get("grade_id") == grade_id:
            return index
    raise KeyError(grade_id)


def _with_cell(release, source, after=COUNT):
    """The candidate version with a code cell of ``source`` right after ``after``'s cell."""
    notebook = copy.deepcopy(release)
    notebook.cells.insert(_cell_index(notebook, after) + 1, new_code_cell(source))
    return notebook


def _with_solution(release, source, task=COUNT):
    notebook = copy.deepcopy(release)
    notebook.cells[_cell_index(notebook, task)].source = source
    return notebook


def deleted_tests(release):
    notebook = copy.deepcopy(release)
    notebook.cells = [c for c in notebook.cells if not nbgrader(c).get("grade")]
    return notebook


def build(release, paths):
    """Return ``{student: notebook}``, one hostile submission per attack."""
    edited = copy.deepcopy(release)
    for cell in edited.cells:
        if nbgrader(cell).get("grade") and cell.cell_type == "code":
            cell.source = "pass"

    metadata = copy.deepcopy(release)
    for cell in metadata.cells:
        meta = nbgrader(cell)
        if meta.get("grade"):
            meta["points"] = 100
        if meta.get("grade_id") == f"{TOP}_tests":
            meta["grade_id"] = "renamed_tests"
            cell.source = "pass"
        if meta.get("grade_id") == COUNT:
            meta.update(grade=True, points=50)
            cell.source = "pass"

    extra = copy.deepcopy(release)
    extra.cells.append(new_code_cell("print('bonus')"))
    bonus = new_code_cell("pass")
    bonus.metadata["nbgrader"] = {
        "grade": True,
        "grade_id": "bonus_tests",
        "locked": True,
        "points": 100,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    extra.cells.append(bonus)
    extra.cells.append(new_markdown_cell("I deserve full marks."))

    cover = "/" + paths["read"]["repository tests"].parts[1]  # a folder the sandbox hides
    probe = PROBE.replace("{probes}", _probe_lines(paths)).replace("{host}", "1.1.1.1")
    probe = probe.replace("{cover!r}", repr(cover))
    return {
        "h-edit-tests": edited,
        "h-delete-tests": deleted_tests(release),
        "h-metadata": metadata,
        "h-extra-cells": extra,
        "h-patch-helpers": _with_solution(release, PATCH_HELPERS),
        "h-swallow-errors": _with_cell(release, SWALLOW_ERRORS, after="boot"),
        "h-transform-cells": _with_cell(release, TRANSFORM_CELLS, after="boot"),
        "h-thread-hook": _with_cell(release, THREAD_HOOK, after="boot"),
        "h-probe": _with_cell(release, probe, after="boot"),
        "h-infinite-loop": _with_solution(release, "while True:\n    pass\n"),
        "h-ignore-interrupt": _with_solution(
            release,
            "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n",
        ),
        "h-os-exit": _with_solution(release, "import os\nos._exit(3)\n"),
        "h-memory-bomb": _with_solution(
            release, "hoard = []\nwhile True:\n    hoard.append(bytearray(64 * 2**20))\n"
        ),
        "h-fork-bomb": _with_solution(release, "import os\nwhile True:\n    os.fork()\n"),
        "h-output-flood": _with_solution(release, "while True:\n    print('x' * 100_000)\n"),
        "h-sleep": _with_solution(release, "import time\ntime.sleep(3600)\n"),
        "h-zygote-stop": _with_solution(release, STOP_PARENT),
        "h-zygote-kill": _with_solution(release, KILL_EVERYONE),
        "h-deep-tree": _with_solution(release, DEEP_TREE),
        "h-disk-fill": _with_solution(release, DISK_FILL),
        **{name: _with_solution(release, code) for name, code in {**DURING, **LYING}.items()},
    }


def write(notebook, path):
    nbformat.write(notebook, path)
