"""Give each kernel its own database, copied from a migrated and seeded template.

Copying a template costs well under a millisecond on SQLite (a file copy) but 0.2-0.8 s on
PostgreSQL (``CREATE DATABASE ... TEMPLATE``), so there a kernel takes a spare copy made ahead
of time by renaming it (``workbench.spares``); migrating costs far more than either. The
template's name carries a fingerprint of the migrations and seed code, so changing either
builds a fresh template on the next boot.
"""

import fcntl
import hashlib
import os
import secrets
import shutil
import warnings
from pathlib import Path

import django
from django.db import connection, reset_queries
from django.db.utils import OperationalError
from sandbox.environment import CACHE_TABLE, database_vendor, state_dir

from workbench import spares

PROJECT_DIR = Path(__file__).resolve().parent.parent
FINGERPRINTED = [
    "catalog/migrations",
    "playground/migrations",
    "catalog/seed.py",
    "workbench/databases.py",
]

EXIT_WAIT = 3  # seconds a kernel's exit waits for a refill of spares in progress

# Held for the kernel's whole life: a database whose lock can be taken belongs to no one.
_lock = None


def fingerprint(size, seed):
    """Return a short hash of everything that shapes the template's contents."""
    digest = hashlib.sha256(f"{django.__version__}:{size}:{seed}".encode())
    for entry in FINGERPRINTED:
        path = PROJECT_DIR / entry
        for file in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()[:12]


def kernel_database_name():
    """Return a fresh name for this kernel's database (a file path on SQLite)."""
    token = f"{os.getpid()}_{secrets.token_hex(4)}"
    if database_vendor() == "sqlite":
        kernels = state_dir() / "kernels"
        kernels.mkdir(exist_ok=True)
        _hold_lock(kernels / f"{token}.lock")
        _remove_orphans(kernels)
        return str(kernels / f"{token}.sqlite3")
    return f"workbook_kernel_{token}"


def _hold_lock(path):
    global _lock
    _lock = open(path, "w")  # noqa: SIM115 (open for the life of the kernel)
    fcntl.flock(_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _release_lock():
    global _lock
    if _lock is not None:
        Path(_lock.name).unlink(missing_ok=True)
        _lock.close()
        _lock = None


def _remove_orphans(kernels):
    """Delete databases left behind by kernels that died without cleaning up.

    A kernel holds a lock on ``<token>.lock`` while it lives; a lock we can take is an orphan's.
    Unlike a process id, the lock also works across PID namespaces (sandboxed kernels).
    """
    for lock_path in kernels.glob("*.lock"):
        if _lock is not None and lock_path.name == Path(_lock.name).name:
            continue
        try:
            with open(lock_path) as lock:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                _delete_sqlite(lock_path.with_suffix(".sqlite3"))
                lock_path.unlink(missing_ok=True)
        except (BlockingIOError, FileNotFoundError):
            continue  # alive, or another kernel is cleaning it up right now


def _delete_sqlite(path):
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


class KernelDatabase:
    """This kernel's database: made from the template, reset to it, dropped at exit."""

    def __init__(self, size, seed):
        self.size = size
        self.seed = seed
        self.vendor = database_vendor()
        self.name = connection.settings_dict["NAME"]
        self.template = self._template_name(fingerprint(size, seed))
        self.spares = None
        if self.vendor == "postgresql":
            self.family = spares.family(size, seed)
            self.spares = spares.Refiller(connection.settings_dict, self.template, self.family)

    def _template_name(self, data_fingerprint):
        if self.vendor == "sqlite":
            return str(state_dir() / f"template-{self.size}-{self.seed}-{data_fingerprint}.sqlite3")
        return f"workbook_template_{data_fingerprint}"

    def create(self):
        """Make this kernel's database from the template, building the template if needed."""
        if self.vendor == "postgresql":
            self._create_postgresql()
        elif self._template_exists():
            self._copy_template()
        else:
            self._build()
            # Seeding under DEBUG logs thousands of queries; once the log is full (9,000
            # entries) CaptureQueriesContext counts nothing, so start this kernel's log empty.
            reset_queries()

    def _create_postgresql(self):
        found = {
            name
            for (name,) in self._admin(
                _WORKBOOK_DATABASES, [self.template, spares.PREFIX], rows=True
            )
        }
        if self.template in found:
            prefix = spares.spare_prefix(self.template, self.family)
            ready = [name for name in found if name.startswith(prefix)]
            if not spares.claim(self._admin, ready, self.name):
                self._copy_template()
            self.spares.start()
        else:
            self._build()
            reset_queries()
            self.spares.start()

    def reset(self):
        """Throw away every change: the database is the template again."""
        self.drop()
        self.create()  # rebuilds the template if another kernel's newer code replaced it

    def drop(self):
        """Delete this kernel's database."""
        connection.close()
        if self.vendor == "sqlite":
            _delete_sqlite(self.name)
        else:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def close(self):
        """Delete this kernel's database and give up its lock (at the kernel's exit)."""
        self.drop()
        _release_lock()
        if self.spares is not None:
            # A kernel that exits soon after a boot or reset would kill its refill before the
            # copy is sent; letting it finish (briefly) leaves the next kernel a spare to take.
            self.spares.wait(timeout=EXIT_WAIT)

    def _build(self):
        from django.core.management import call_command

        if self.vendor == "postgresql":
            self._admin(f'CREATE DATABASE "{self.name}"')
        call_command("migrate", verbosity=0, interactive=False)
        call_command("createcachetable", CACHE_TABLE, verbosity=0)
        from catalog.seed import seed

        seed(size=self.size, seed=self.seed)
        connection.close()
        self._save_template()

    def _template_exists(self):
        if self.vendor == "sqlite":
            return Path(self.template).exists()
        row = self._admin("SELECT 1 FROM pg_database WHERE datname = %s", [self.template])
        return row is not None

    def _copy_template(self):
        if self.vendor == "sqlite":
            shutil.copyfile(self.template, self.name)
        else:
            self._admin(f'CREATE DATABASE "{self.name}" TEMPLATE "{self.template}"')

    def _save_template(self):
        if self.vendor == "sqlite":
            # Templates of the same size and seed built from older code are stale; templates of
            # other sizes and seeds may be in use by other kernels and stay.
            for old in state_dir().glob(f"template-{self.size}-{self.seed}-*.sqlite3"):
                if str(old) != self.template:
                    old.unlink(missing_ok=True)
            partial = f"{self.template}.{os.getpid()}.partial"
            shutil.copyfile(self.name, partial)
            os.replace(partial, self.template)  # atomic: a racing kernel sees all or nothing
            return
        try:
            self._admin(f'CREATE DATABASE "{self.template}" TEMPLATE "{self.name}"')
        except Exception as error:  # another kernel built it first: theirs is as good
            if not self._template_exists():
                raise error

    def _admin(self, sql, params=None, rows=False):
        """Run ``sql`` on the server's maintenance database; return the first row, if any.

        With ``rows=True`` return all rows.
        """
        try:
            with warnings.catch_warnings():
                # Django warns, then retries on this kernel's database; we report either failure.
                warnings.filterwarnings("ignore", message="Normally Django will use")
                with connection._nodb_cursor() as cursor:
                    cursor.execute(sql, params)
                    if not cursor.description:
                        return None
                    return cursor.fetchall() if rows else cursor.fetchone()
        except OperationalError as error:
            raise OperationalError(_unreachable_message(sql, error)) from None


# This kernel's template and the spares it may rename (a user may rename only their own).
_WORKBOOK_DATABASES = (
    "SELECT datname FROM pg_database WHERE datname = %s "
    "OR starts_with(datname, %s) AND pg_get_userbyid(datdba) = current_user"
)


def _unreachable_message(sql, error):
    where = f"{os.environ.get('PGHOST') or 'localhost'}:{os.environ.get('PGPORT') or 5432}"
    user = os.environ.get("PGUSER") or "your login name"
    reason = " ".join(str(error).split())
    return (
        f"The sandbox cannot use PostgreSQL at {where} as user {user} "
        f"(WORKBOOK_DATABASE=postgresql; {sql.split()[0]} failed): {reason}\n"
        "Check that the server is running and that PGHOST, PGPORT, PGUSER and PGPASSWORD "
        "reach it (try `psql -l`), or unset WORKBOOK_DATABASE to use SQLite."
    )
