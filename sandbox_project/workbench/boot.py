"""Boot the sandbox project inside this Python process (normally a Jupyter kernel)."""

import atexit
import os
import warnings

SETTINGS_MODULE = "sandbox.settings"

_sandbox = None


def boot(size="small", seed=0):
    """Set up Django with this kernel's own seeded database and return the ``Sandbox``.

    Booting again returns the same sandbox; asking for another size or seed then is an error
    (restart the kernel to change them).
    """
    global _sandbox
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

    if apps.ready:
        raise RuntimeError(
            "Django was set up before workbench.boot(): restart the kernel and run the boot "
            "cell first, so that this kernel gets its own database."
        )
    from workbench.databases import kernel_database_name

    os.environ["WORKBOOK_DB_NAME"] = kernel_database_name()
    django.setup()

    from django.test.utils import setup_test_environment

    from workbench.databases import KernelDatabase
    from workbench.sandbox import Sandbox

    # Gives responses their .context and templates, and collects mail in mail.outbox.
    setup_test_environment()
    database = KernelDatabase(size, seed)
    database.create()
    atexit.register(database.drop)
    _sandbox = Sandbox(database)
    return _sandbox


def _prepare_environment():
    configured = os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    if configured != SETTINGS_MODULE:
        raise RuntimeError(
            f"DJANGO_SETTINGS_MODULE is {configured!r}; the workbook needs "
            f"{SETTINGS_MODULE!r}. Unset it, or use the 'Django Workbook' kernel."
        )
    # Jupyter runs every cell inside an asyncio event loop, where Django refuses synchronous
    # ORM calls unless told that this is deliberate.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Re-running a cell that defines a model registers it again; that is expected here.
    warnings.filterwarnings(
        "ignore", message=r"Model 'playground\..*' was already registered", category=RuntimeWarning
    )
