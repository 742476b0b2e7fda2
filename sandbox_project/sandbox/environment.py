"""Read the sandbox's backends from the environment.

Variables (all optional):

- ``WORKBOOK_DATABASE``: ``sqlite`` (default) or ``postgresql``. PostgreSQL is reached through
  the standard libpq variables ``PGHOST``, ``PGPORT``, ``PGUSER`` and ``PGPASSWORD``.
- ``WORKBOOK_DB_NAME``: the SQLite file or PostgreSQL database to use. The workbench sets it
  for each kernel; ``manage.py`` falls back to a file in the state folder.
- ``WORKBOOK_CACHE``: ``locmem`` (default), ``memcached``, ``redis``, ``file``, ``database``
  or ``dummy``. ``WORKBOOK_MEMCACHED`` (default ``127.0.0.1:11211``) and ``WORKBOOK_REDIS_URL``
  (default ``redis://127.0.0.1:6379/0``) say where the servers are.
- ``WORKBOOK_STATE_DIR``: where databases and cache files live (default: a per-user folder in
  the system's temporary directory).
"""

import os
import secrets
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

DATABASE_ENGINES = {
    "sqlite": "django.db.backends.sqlite3",
    "postgresql": "django.db.backends.postgresql",
}

CACHE_BACKENDS = {
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",
    "redis": "django.core.cache.backends.redis.RedisCache",
    "file": "django.core.cache.backends.filebased.FileBasedCache",
    "database": "django.core.cache.backends.db.DatabaseCache",
    "dummy": "django.core.cache.backends.dummy.DummyCache",
}

CACHE_TABLE = "workbook_cache"

# Names this process's caches and files. A process id alone is not enough: kernels sandboxed in
# their own PID namespaces can share one, and a shared memcached or state folder with it.
PROCESS_TOKEN = f"{os.getpid()}-{secrets.token_hex(4)}"
_cache_generation = 0


def cache_key(key, key_prefix, version):
    """Build a cache key as Django does, plus this process's cache generation."""
    return f"{key_prefix}:{_cache_generation}:{version}:{key}"


def new_cache_generation():
    """Make every cached value of this process unreachable without touching other processes.

    ``cache.clear()`` on memcached or Redis would empty the whole server, other kernels' entries
    included.
    """
    global _cache_generation
    _cache_generation += 1


def state_dir():
    """Return the folder for databases and cache files, creating it if needed."""
    default = Path(tempfile.gettempdir()) / f"django-workbook-{os.getuid()}"
    path = Path(os.environ.get("WORKBOOK_STATE_DIR") or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _choice(variable, choices, default):
    value = os.environ.get(variable, "").strip().lower() or default
    if value not in choices:
        raise ImproperlyConfigured(
            f"{variable}={value!r} is not a backend the sandbox knows. "
            f"Use one of: {', '.join(choices)} (or unset it for {default!r})."
        )
    return value


def database_vendor():
    """Return ``sqlite`` or ``postgresql``, as chosen by ``WORKBOOK_DATABASE``."""
    return _choice("WORKBOOK_DATABASE", DATABASE_ENGINES, "sqlite")


def database_settings():
    """Return the ``DATABASES['default']`` entry for the configured backend."""
    vendor = database_vendor()
    default_name = str(state_dir() / "manage.sqlite3") if vendor == "sqlite" else "workbook"
    entry = {
        "ENGINE": DATABASE_ENGINES[vendor],
        "NAME": os.environ.get("WORKBOOK_DB_NAME") or default_name,
        # Empty values let libpq read PGHOST, PGPORT, PGUSER and PGPASSWORD.
        "HOST": "",
        "PORT": "",
        "USER": "",
        "PASSWORD": "",
        "TEST": {"NAME": None},
    }
    if vendor == "sqlite":
        # A kernel's database is a copy of a template, deleted when the kernel exits: nothing
        # in it must survive a power cut, so commits skip the wait for the disk (about 170
        # waits per notebook). Never do this where the data matters.
        entry["OPTIONS"] = {"init_command": "PRAGMA synchronous=OFF"}
    return entry


def cache_settings(name=None):
    """Return the ``CACHES['default']`` entry for ``name``, or for ``WORKBOOK_CACHE``."""
    if name is None:
        name = _choice("WORKBOOK_CACHE", CACHE_BACKENDS, "locmem")
    elif name not in CACHE_BACKENDS:
        raise ImproperlyConfigured(
            f"{name!r} is not a cache backend the sandbox knows. "
            f"Use one of: {', '.join(CACHE_BACKENDS)}."
        )
    locations = {
        "locmem": f"sandbox-{PROCESS_TOKEN}",
        "memcached": os.environ.get("WORKBOOK_MEMCACHED", "127.0.0.1:11211"),
        "redis": os.environ.get("WORKBOOK_REDIS_URL", "redis://127.0.0.1:6379/0"),
        "file": str(state_dir() / "caches" / PROCESS_TOKEN),
        "database": CACHE_TABLE,
        "dummy": "",
    }
    # memcached and Redis are shared servers: a per-process prefix keeps kernels apart.
    return {
        "BACKEND": CACHE_BACKENDS[name],
        "LOCATION": locations[name],
        "KEY_PREFIX": f"sandbox-{PROCESS_TOKEN}",
        "KEY_FUNCTION": "sandbox.environment.cache_key",
    }
