"""One kernel started ahead in each worker: the next notebook's, booting while this one runs.

Starting a grading kernel (bwrap, Python, ipykernel) and importing Django and the sandbox
toolkit takes most of a second, mostly spent waiting rather than computing. ``GuardedExecute``
therefore starts the *next* notebook's kernel as soon as the current one is ready, so that it
boots while the current notebook's cells run and nbgrader saves its grades.

A spare is an ordinary ``SandboxKernelManager`` kernel: its own bwrap namespaces, cgroup,
limits and fresh working folder, exactly as if it were started on demand. Before it is handed
over it runs only trusted code: ``WARM_UP`` imports modules (Django is *not* set up: the
notebook's boot cell does that, with the kernel's own database). It serves exactly one
notebook and is shut down after it; a spare that is not used (the configuration changed, it
died, the worker stops) is shut down unused. Nothing of one submission ever runs in a kernel
that another submission uses.
"""

import asyncio
import contextlib
import json

from jupyter_core.utils import ensure_event_loop

from workbook.sandboxing import SandboxKernelManager

# Trusted imports (and one traceback, formatted and thrown away); Django must stay
# unconfigured (boot() picks the kernel's database first).
WARM_UP = """
import importlib as _importlib
for _name in (
    "django.db.models", "django.test", "django.test.utils", "django.urls",
    "django.core.handlers.wsgi", "django.core.handlers.asgi", "django.template",
    "django.db.backends.sqlite3.base", "workbench.boot", "workbench.databases",
    "workbench.sandbox",
):
    try:
        _importlib.import_module(_name)
    except Exception:
        pass
try:  # the first traceback IPython formats imports and compiles a lot: do it now
    raise AssertionError("warm-up")
except AssertionError:
    import sys as _sys
    get_ipython().InteractiveTB.structured_traceback(*_sys.exc_info())
from django.conf import settings as _settings
assert not _settings.configured, "the warm-up configured Django"
del _importlib, _name, _settings, _sys
"""
HISTORY = "--HistoryManager.hist_file"
READY_SECONDS = 60  # a spare not ready by then is not worth waiting for

_spare = None  # (key, kernel manager, task starting it)


def key(config, extra_arguments):
    """What a spare must have been started with to stand in for a kernel started now."""
    settings = config.SandboxKernelManager
    wanted = {name: settings.get(name) for name in ("sandbox", "hide", "templates", "limits")}
    wanted["arguments"] = [arg for arg in extra_arguments if not arg.startswith(HISTORY)]
    return json.dumps(wanted, sort_keys=True, default=list)


def start(config, folder, extra_arguments):
    """Start a spare kernel in ``folder``: it boots whenever the grader's event loop runs."""
    global _spare
    if _spare is not None:
        return
    km = SandboxKernelManager(config=config, workdir_base=str(folder))
    arguments = [arg for arg in extra_arguments if not arg.startswith(HISTORY)]
    arguments.append(f"{HISTORY}=:memory:")
    task = ensure_event_loop().create_task(_boot(km, arguments))
    _spare = (key(config, extra_arguments), km, task)


async def _boot(km, arguments):
    await km.start_kernel(extra_arguments=arguments)
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=READY_SECONDS)
        msg_id = kc.execute(WARM_UP, silent=True, store_history=False, allow_stdin=False)
        while True:
            reply = await kc.get_shell_msg(timeout=READY_SECONDS)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"the spare kernel's warm-up failed: {reply['content']}")
    finally:
        kc.stop_channels()


async def take(wanted):
    """Return the spare kernel's manager if it suits ``wanted`` and is alive, else ``None``."""
    global _spare
    if _spare is None:
        return None
    spare_key, km, task = _spare
    _spare = None
    try:
        await asyncio.wait_for(asyncio.shield(task), READY_SECONDS)
        usable = spare_key == wanted and await km.is_alive()
    except Exception:
        usable = False
    if usable:
        return km
    await stop(km, task)
    return None


async def stop(km, task=None):
    """Shut down a spare kernel (killed: it never ran anything worth a graceful exit)."""
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
    with contextlib.suppress(Exception):
        if km.has_kernel:
            await km.shutdown_kernel(now=True)
    km.release()


def discard():
    """Shut down the spare kernel, if any (a worker stopping)."""
    global _spare
    if _spare is None:
        return
    _, km, task = _spare
    _spare = None
    ensure_event_loop().run_until_complete(stop(km, task))
