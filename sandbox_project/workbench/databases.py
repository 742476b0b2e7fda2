"""Give each kernel its own database, copied from a migrated and seeded template.

Copying a template costs well under a millisecond on SQLite (a file copy) and a few tens of
milliseconds on PostgreSQL (``CREATE DATABASE ... TEMPLATE``); migrating costs far more. The
template's name carries a fingerprint of the migrations and seed code, so changing either
builds a fresh template on the next boot.
"""

import hashlib
import os
import secrets
import shutil
from pathlib import Path

import django
from django.core.management import call_command
from django.db import connection
from django.db.utils import OperationalError
from sandbox.environment import CACHE_TABLE, database_vendor, state_dir

PROJECT_DIR = Path(__file__).resolve().parent.parent
FINGERPRINTED = ["catalog/migrations", "playground/migrations", "catalog/seed.py"]


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
        _remove_orphans(kernels)
        return str(kernels / f"{token}.sqlite3")
    return f"workbook_kernel_{token}"


def _remove_orphans(kernels):
    """Delete databases left behind by kernels that died without cleaning up."""
    for file in kernels.glob("*.sqlite3"):
        pid = int(file.name.split("_", 1)[0])
        if not _alive(pid):
            file.unlink(missing_ok=True)


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class KernelDatabase:
    """This kernel's database: made from the template, reset to it, dropped at exit."""

    def __init__(self, size, seed):
        self.size = size
        self.seed = seed
        self.vendor = database_vendor()
        self.name = connection.settings_dict["NAME"]
        self.template = self._template_name(fingerprint(size, seed))

    def _template_name(self, print_):
        if self.vendor == "sqlite":
            return str(state_dir() / f"template-{print_}.sqlite3")
        return f"workbook_template_{print_}"

    def create(self):
        """Make this kernel's database from the template, building the template if needed."""
        if self._template_exists():
            self._copy_template()
        else:
            self._build()

    def reset(self):
        """Throw away every change: the database is the template again."""
        connection.close()
        self.drop()
        self._copy_template()

    def drop(self):
        """Delete this kernel's database."""
        connection.close()
        if self.vendor == "sqlite":
            Path(self.name).unlink(missing_ok=True)
        else:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def _build(self):
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
            for old in state_dir().glob("template-*.sqlite3"):
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

    def _admin(self, sql, params=None):
        """Run ``sql`` on the server's maintenance database; return the first row, if any."""
        try:
            with connection._nodb_cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchone() if cursor.description else None
        except OperationalError as error:
            raise OperationalError(
                f"PostgreSQL refused {' '.join(sql.split()[:2])}: {error}\nCheck that the "
                "server is running and that PGHOST, PGPORT, PGUSER and PGPASSWORD reach it, "
                "or unset WORKBOOK_DATABASE to use SQLite."
            ) from error
