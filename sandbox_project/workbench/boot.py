"""Boot the sandbox project inside this Python process (normally a Jupyter kernel)."""

import atexit
import os
import sys
import warnings
from pathlib import Path

SETTINGS_MODULE = "sandbox.settings"
PROJECT_DIR = Path(__file__).resolve().parent.parent

_sandbox = None
_django_set_up = False  # by boot() itself: a boot that failed later may be retried


def boot(size="small", seed=0):
    """Set up Django with this kernel's own seeded database and return the ``Sandbox``.

    Booting again returns the same sandbox; asking for another size or seed then is an error
    (restart the kernel to change them).
    """
    global _sandbox, _django_set_up
    if _sandbox is not None:
        if (_sandbox.size, _sandbox.seed) != (size, seed):
            raise RuntimeError(
                f"This kernel already booted a {_sandbox.size!r} sandbox (seed "
                f"{_sandbox.seed}). Restart the kernel to boot size={size!r}, seed={seed}."
            )
        return _sandbox
    _prepare_environment()

    import django
    from django.apps import apps

    if apps.ready and not _django_set_up:
        raise RuntimeError(
            "Django was set up before workbench.boot(): restart the kernel and run the boot "
            "cell first, so that this kernel gets its own database."
        )
    if not _django_set_up:
        from workbench.databases import kernel_database_name

        os.environ["WORKBOOK_DB_NAME"] = kernel_database_name()
        django.setup()
        _django_set_up = True

        from django.test.utils import setup_test_environment

        # Gives responses their .context and templates, and collects mail in mail.outbox.
        setup_test_environment()

    from workbench.databases import KernelDatabase
    from workbench.sandbox import Sandbox

    database = KernelDatabase(size, seed)
    database.create()
    atexit.register(database.close)
    _sandbox = Sandbox(database)
    return _sandbox


def _prepare_environment():
    configured = os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    if configured != SETTINGS_MODULE:
        raise RuntimeError(
            f"DJANGO_SETTINGS_MODULE is {configured!r}; the workbook needs "
            f"{SETTINGS_MODULE!r}. Unset it, or use the 'Django Workbook' kernel."
        )
    # The project's packages come first, whatever the working directory holds (nbgrader runs
    # kernels inside the submission's folder, where a stray `catalog/` would shadow the app).
    if sys.path[:1] != [str(PROJECT_DIR)]:
        sys.path.insert(0, str(PROJECT_DIR))
    # Jupyter runs every cell inside an asyncio event loop, where Django refuses synchronous
    # ORM calls unless told that this is deliberate.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Re-running a cell that defines a model registers it again; that is expected here.
    warnings.filterwarnings(
        "ignore", message=r"Model 'playground\..*' was already registered", category=RuntimeWarning
    )
