"""On PostgreSQL a kernel renames a spare copy of the template instead of copying it."""

import secrets
import threading
import time

import pytest
from kernel_tools import Kernel, vendor
from workbench import spares

# Kernels share the module's tests' server; each test here uses a family (size and seed) of
# its own, so the other tests' kernels never take or drop its spares.
pytestmark = pytest.mark.xdist_group("workbench_spares")


def on_postgresql(test):
    """Mark a test of the pool itself: it needs the server that tests/services.sh starts."""
    skip = pytest.mark.skipif(
        vendor() != "postgresql", reason="PostgreSQL only: run it under tests/services.sh"
    )
    return pytest.mark.postgres(skip(test))


def test_spare_names_lead_back_to_their_template():
    template = "workbook_template_0123456789ab"
    family = spares.family("small", 0)
    assert family == spares.family("small", 0) != spares.family("small", 1)
    prefix = spares.spare_prefix(template, family)
    assert prefix == f"workbook_spare_{family}_0123456789ab_"
    spare = spares.spare_name(template, family, made=1_700_000_000)
    assert spare.startswith(prefix) and spares.spare_name(template, family) != spare
    assert spares.template_of(spare) == template
    assert spares.made_at(spare) == 1_700_000_000
    assert spares.made_at(f"{prefix}nothex") == 0  # unreadable: as old as can be
    assert len(spare) < 63  # PostgreSQL's limit on names


def test_claim_tries_the_next_spare_when_another_kernel_won_the_race():
    renamed, taken = [], {"a", "b"}  # another kernel renamed these away first

    def execute(statement):
        spare = statement.split('"')[1]
        if spare in taken:
            raise RuntimeError(f'database "{spare}" does not exist')
        renamed.append(statement)

    assert spares.claim(execute, ["a", "b", "c"], "mine") is True
    assert renamed == ['ALTER DATABASE "c" RENAME TO "mine"']
    assert spares.claim(execute, ["a", "b"], "mine") is False  # copy the template instead
    assert spares.claim(execute, [], "mine") is False


def test_a_refill_asked_for_while_one_runs_runs_again(monkeypatch):
    """A claim during a refill (a reset, another kernel) must not leave the pool short."""
    calls, first_started, release = [], threading.Event(), threading.Event()

    class Session:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def cursor(self):
            return self

    def refill(cursor, template, family):
        calls.append((template, family))
        first_started.set()
        release.wait(10)

    monkeypatch.setattr(spares, "connect", lambda settings: Session())
    monkeypatch.setattr(spares, "refill", refill)
    refiller = spares.Refiller({}, "workbook_template_x", "f00000")
    refiller.start()
    assert first_started.wait(10)
    refiller.start()  # while the first runs: one more round, not a second thread
    refiller.start()
    release.set()
    refiller.wait()
    assert calls == [("workbook_template_x", "f00000")] * 2
    assert refiller.error is None and refiller._thread is None

    def failing(cursor, template, family):
        raise RuntimeError("server went away")

    monkeypatch.setattr(spares, "refill", failing)
    refiller.start()
    refiller.wait()  # best effort: the failure is kept, never raised into the kernel
    assert str(refiller.error) == "server went away"


# PostgreSQL: throwaway templates (one table, one row) next to the real ones.


def _session():
    import psycopg

    return psycopg.connect(dbname="postgres", autocommit=True)


def _names(cursor, prefix):
    cursor.execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [prefix])
    return sorted(name for (name,) in cursor.fetchall())


def _drop(cursor, *names):
    for name in names:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _row(name):
    import psycopg

    with psycopg.connect(dbname=name) as session:
        return session.execute("SELECT label FROM marker").fetchone()[0]


@pytest.fixture
def family():
    """A family of spares no kernel of the other tests touches; all of it dropped after."""
    name = secrets.token_hex(3)
    yield name
    with _session() as session, session.cursor() as cursor:
        _drop(cursor, *_names(cursor, f"{spares.PREFIX}{name}_"))


@pytest.fixture
def template(family):
    """A small template of our own: ``workbook_template_<random>``, dropped after the test."""
    import psycopg

    name = f"{spares.TEMPLATE_PREFIX}{secrets.token_hex(6)}"
    with _session() as session:
        session.execute(f'CREATE DATABASE "{name}"')
        with psycopg.connect(dbname=name, autocommit=True) as inside:
            inside.execute("CREATE TABLE marker (label text)")
            inside.execute("INSERT INTO marker VALUES (%s)", [name])
        yield name
        _drop(session.cursor(), name)


@on_postgresql
def test_refill_makes_whole_copies_up_to_the_cap(template, family):
    prefix = spares.spare_prefix(template, family)
    with _session() as session, session.cursor() as cursor:
        made = spares.refill(cursor, template, family)
        assert sorted(made) == _names(cursor, prefix) and len(made) == spares.POOL_SIZE
        assert all(_row(spare) == template for spare in made)  # copies of the template
        assert spares.refill(cursor, template, family) == []  # full: nothing more


@on_postgresql
def test_concurrent_refills_never_pass_the_cap(template, family):
    def refill():
        with _session() as session, session.cursor() as cursor:
            spares.refill(cursor, template, family)

    threads = [threading.Thread(target=refill) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with _session() as session:
        assert (
            len(_names(session.cursor(), spares.spare_prefix(template, family))) == spares.POOL_SIZE
        )


@on_postgresql
def test_racing_kernels_never_claim_the_same_spare(template, family):
    prefix = spares.spare_prefix(template, family)
    with _session() as session, session.cursor() as cursor:
        ready = spares.refill(cursor, template, family)
    owners = [f"workbook_kernel_test_{n}_{secrets.token_hex(4)}" for n in range(5)]
    won = {}
    start = threading.Barrier(len(owners))

    def claim(owner):
        with _session() as session:
            start.wait()
            won[owner] = spares.claim(session.execute, ready, owner)

    threads = [threading.Thread(target=claim, args=(owner,)) for owner in owners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [owner for owner in owners if won[owner]]
    with _session() as session, session.cursor() as cursor:
        try:
            assert len(winners) == len(ready)  # each spare went to exactly one kernel
            assert _names(cursor, prefix) == []
            assert _names(cursor, "workbook_kernel_test_") == sorted(winners)
            assert all(_row(owner) == template for owner in winners)
        finally:
            _drop(cursor, *winners)


@on_postgresql
def test_refill_drops_spares_whose_template_is_gone_or_unused(template, family):
    """Stale spares go; spares of another template that kernels still use stay."""
    other = f"{spares.TEMPLATE_PREFIX}{secrets.token_hex(6)}"  # an older code's template
    gone = f"{spares.TEMPLATE_PREFIX}{secrets.token_hex(6)}"  # no such database
    long_ago = time.time() - spares.UNUSED_AFTER - 60
    orphan = spares.spare_name(gone, family)
    fresh = spares.spare_name(other, family)  # its kernels still refill it
    unused = spares.spare_name(other, family, made=long_ago)
    own_old = spares.spare_name(template, family, made=long_ago)  # ours: still wanted
    with _session() as session, session.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{other}" TEMPLATE "{template}"')
        try:
            for spare in (orphan, fresh, unused, own_old):
                cursor.execute(f'CREATE DATABASE "{spare}" TEMPLATE "{template}"')
            made = spares.refill(cursor, template, family)
            assert _names(cursor, f"{spares.PREFIX}{family}_") == sorted([fresh, own_old, *made])
            assert len(made) == spares.POOL_SIZE - 1
        finally:
            _drop(cursor, other)


# PostgreSQL: real kernels. Each boots a seed of its own, so that its template and spares are
# its alone while the other tests' kernels come and go.

BOOT = """
from workbench import boot, spares
sandbox = boot(seed={seed})
from django.db import connection
from catalog.models import Content, Creator
seeded = [Creator.objects.count(), Content.objects.count()]

def oid(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT oid FROM pg_database WHERE datname = %s", [name])
        row = cursor.fetchone()
        return row and row[0]

def spare_oids():
    database = sandbox.database
    prefix = spares.spare_prefix(database.template, database.family)
    with connection.cursor() as cursor:
        cursor.execute("SELECT oid FROM pg_database WHERE starts_with(datname, %s)", [prefix])
        return sorted(oid for (oid,) in cursor.fetchall())
"""


@pytest.fixture
def seed():
    """A seed no other test boots; its template and spares are dropped afterwards."""
    seed = 1000 + secrets.randbelow(10**6)
    yield seed
    from workbench import databases

    template = f"{spares.TEMPLATE_PREFIX}{databases.fingerprint('small', seed)}"
    with _session() as session, session.cursor() as cursor:
        _drop(cursor, *_names(cursor, f"{spares.PREFIX}{spares.family('small', seed)}_"))
        _drop(cursor, template)


@on_postgresql
def test_boot_and_reset_rename_a_spare_and_refill_the_pool(seed):
    first = Kernel()
    try:
        first.run(BOOT.format(seed=seed))  # builds the template, then the pool
        first.run("sandbox.database.spares.wait()")
        ready = first.eval("spare_oids()")
        assert len(ready) == spares.POOL_SIZE
        second = Kernel()
        try:
            second.run(BOOT.format(seed=seed))
            assert second.eval("oid(sandbox.database.name)") in ready  # renamed, not copied
            assert second.eval("seeded") == first.eval("seeded")
            second.run("Creator.objects.all().delete()\nsandbox.database.spares.wait()")
            ready = second.eval("spare_oids()")
            assert len(ready) == spares.POOL_SIZE  # refilled behind the boot
            second.run("sandbox.reset()")
            assert second.eval("oid(sandbox.database.name)") in ready
            assert second.eval("[Creator.objects.count(), Content.objects.count()]") == (
                second.eval("seeded")
            )
            assert first.eval("Creator.objects.count()") == first.eval("seeded[0]")
        finally:
            second.shutdown()
    finally:
        first.shutdown()


@on_postgresql
@pytest.mark.parametrize("how", ["shutdown", "kill"])
def test_exit_during_a_refill_leaves_only_whole_spares(seed, how):
    """A clean exit waits a moment for the copy; a killed kernel's copy is the server's to
    finish or undo: either way no half-made spare is ever visible."""
    kernel = Kernel()
    try:
        kernel.run(BOOT.format(seed=seed))
        name, template, family = kernel.eval(
            "[sandbox.database.name, sandbox.database.template, sandbox.database.family]"
        )
        # Empty the pool so that a refill surely runs when the kernel goes.
        kernel.run(
            """
            sandbox.database.spares.wait()
            with spares.connect({}) as session:
                for (spare,) in session.execute(
                    "SELECT datname FROM pg_database WHERE starts_with(datname, %s)",
                    [spares.spare_prefix(sandbox.database.template, sandbox.database.family)],
                ).fetchall():
                    session.execute(f'DROP DATABASE "{spare}"')
            sandbox.reset()  # copies the template, then refills in the background
            """
        )
    finally:
        if how == "kill":
            kernel.client.stop_channels()
            kernel.manager.shutdown_kernel(now=True)  # no atexit: the database stays behind
            kernel._log.close()
        else:
            kernel.shutdown()
    with _session() as session, session.cursor() as cursor:
        for _ in range(100):  # the server finishes or undoes a copy whose client is gone
            cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
            if cursor.fetchone()[0] == 0:
                break
            time.sleep(0.1)
        left = _names(cursor, spares.spare_prefix(template, family))
        assert len(left) <= spares.POOL_SIZE
        if how == "shutdown":
            assert left  # the exit waited for the refill instead of cutting it off
        for spare in left:  # every spare left is a whole copy of the seeded template
            import psycopg

            with psycopg.connect(dbname=spare) as inside:
                assert inside.execute("SELECT count(*) FROM catalog_content").fetchone()[0] == 60
        if how == "kill":
            _drop(cursor, name)
        else:
            assert _names(cursor, name) == []
