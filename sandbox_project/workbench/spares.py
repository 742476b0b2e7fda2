"""Keep a few ready copies of the PostgreSQL template, so a kernel's database is a rename away.

``CREATE DATABASE ... TEMPLATE`` copies every file of the template (0.2-0.8 s for the small
seed on a busy machine), and boot and every ``sandbox.reset()`` paid it. ``ALTER DATABASE ...
RENAME`` takes a millisecond. So a kernel takes a spare copy when one is ready, and a
background thread then copies the template until ``POOL_SIZE`` spares wait for the next kernel.

- Spares are named ``workbook_spare_<family>_<fingerprint>_<token>``, the family standing for
  the template's size and seed (templates of several families may serve live kernels). A
  kernel claims a spare by renaming it to its own database's name: when two kernels race for
  one spare, PostgreSQL lets one rename win and the other finds no such database, tries the
  next spare, and copies the template when none is left.
- Nobody ever connects to a spare (a rename would meet "being accessed by other users"), and a
  refill connects to the maintenance database only, never to the template, which
  ``CREATE DATABASE ... TEMPLATE`` needs to itself.
- One refill at a time across all kernels (a session advisory lock on the maintenance
  database, released by the server when the session ends, even if the process is killed), so
  the pool never grows past its cap. Each refill first drops other templates' spares that
  are stale: their template is gone, or no kernel made any of them for ``UNUSED_AFTER``
  seconds (the code changed, or nobody boots that size and seed any more). A name carries
  the time its spare was made. Stale spares are not dropped at once when a new template is
  built: the old one may still serve live kernels (or a benchmark's fake code change).
- ``CREATE DATABASE`` is atomic: a kernel exiting or killed during a refill leaves a complete
  spare or none. Refills are best effort: a failure only means the next kernel copies.
"""

import hashlib
import random
import secrets
import threading
import time

PREFIX = "workbook_spare_"
TEMPLATE_PREFIX = "workbook_template_"
POOL_SIZE = 2  # spares per template: enough for a boot and a reset in a row
UNUSED_AFTER = 15 * 60  # seconds after which another template's spares count as stale
LOCK_KEY = 0x776F726B626F6F6B  # "workbook": serializes refills across kernels


def family(size, seed):
    """Return the short name that the spares of every template of ``size`` and ``seed`` share."""
    return hashlib.sha256(f"{size}:{seed}".encode()).hexdigest()[:6]


def spare_prefix(template, family):
    """Return the prefix of the names of ``template``'s spares."""
    return f"{PREFIX}{family}_{template.removeprefix(TEMPLATE_PREFIX)}_"


def template_of(spare):
    """Return the name of the template that ``spare`` was copied from."""
    return TEMPLATE_PREFIX + spare.removeprefix(PREFIX).split("_")[1]


def spare_name(template, family, made=None):
    """Return a new spare's name: the prefix, then its time of making and a random part."""
    made = int(time.time() if made is None else made)
    return f"{spare_prefix(template, family)}{made:08x}{secrets.token_hex(2)}"


def made_at(spare):
    """Return when ``spare`` was made (0 for a name that does not say)."""
    try:
        return int(spare.rsplit("_", 1)[1][:8], 16)
    except (IndexError, ValueError):
        return 0


def connect(settings_dict):
    """Open an autocommit session on the server's maintenance database."""
    import psycopg  # here: SQLite kernels never pay for importing it

    params = {"dbname": "postgres", "autocommit": True, "connect_timeout": 10}
    for key in ("HOST", "PORT", "USER", "PASSWORD"):
        if settings_dict.get(key):
            params[key.lower()] = settings_dict[key]
    return psycopg.connect(**params)


def workbook_databases(cursor):
    """Return the names of the workbook's templates, and of the spares this user owns."""
    cursor.execute(
        "SELECT datname FROM pg_database WHERE starts_with(datname, %s) "
        "OR starts_with(datname, %s) AND pg_get_userbyid(datdba) = current_user",
        [TEMPLATE_PREFIX, PREFIX],
    )
    return {name for (name,) in cursor.fetchall()}


def claim(execute, spares, name):
    """Rename one of ``spares`` to ``name``; return whether one was ours.

    ``execute(statement)`` runs SQL on the maintenance database and raises when it fails (the
    spare was taken by another kernel, or dropped as stale).
    """
    spares = list(spares)
    random.shuffle(spares)  # racing kernels mostly try different spares first
    for spare in spares:
        try:
            execute(f'ALTER DATABASE "{spare}" RENAME TO "{name}"')
        except Exception:
            continue
        return True
    return False


def refill(cursor, template, family, size=POOL_SIZE):
    """Copy ``template`` until ``size`` spares of it exist; drop other templates' stale spares.

    Return the names of the spares made.
    """
    from psycopg import sql

    made = []
    cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
    try:
        names = workbook_databases(cursor)
        prefix = spare_prefix(template, family)
        for spare in sorted(names):
            if not spare.startswith(PREFIX) or spare.startswith(prefix):
                continue
            unused = time.time() - made_at(spare) > UNUSED_AFTER
            if unused or template_of(spare) not in names:
                # IF EXISTS: a kernel may have claimed it (renamed it away) meanwhile.
                cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(spare)))
        while template in names:
            if sum(name.startswith(prefix) for name in names) >= size:
                break
            spare = spare_name(template, family)
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(spare), sql.Identifier(template)
                )
            )
            made.append(spare)
            names = workbook_databases(cursor)  # kernels may have claimed some meanwhile
    finally:
        cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
    return made


class Refiller:
    """Refill a template's spares in a background thread, one refill at a time."""

    def __init__(self, settings_dict, template, family):
        self.settings_dict = dict(settings_dict)
        self.template = template
        self.family = family
        self._lock = threading.Lock()
        self._pending = False  # a claim happened since the running refill last looked
        self._thread = None
        self.error = None  # the last refill's failure, for curious humans

    def start(self):
        """Refill soon; return at once (a refill already running goes round again)."""
        with self._lock:
            self._pending = True
            if self._thread is None:
                # A daemon: a kernel's exit waits for it only briefly (KernelDatabase.close).
                self._thread = threading.Thread(
                    target=self._run, name="workbook-spares", daemon=True
                )
                self._thread.start()

    def wait(self, timeout=None):
        """Wait until no refill runs, or ``timeout`` seconds."""
        thread = self._thread
        while thread is not None and thread.is_alive():
            thread.join(timeout)
            if timeout is not None:
                return
            thread = self._thread

    def _run(self):
        while True:
            with self._lock:
                if not self._pending:
                    self._thread = None
                    return
                self._pending = False
            try:
                with connect(self.settings_dict) as connection, connection.cursor() as cursor:
                    refill(cursor, self.template, self.family)
                self.error = None
            except Exception as error:  # best effort: the next kernel copies the template
                self.error = error
