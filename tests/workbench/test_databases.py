"""Each kernel has its own database, made from a template that follows the code."""

import fcntl
import os
import time
from pathlib import Path

import pytest
from kernel_tools import Kernel, run_python, vendor
from workbench import databases

# Its tests share module-scoped kernels and run in order: keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("workbench_databases")

EXISTS = """
def database_exists(name):
    from django.db import connection
    if connection.vendor == "sqlite":
        return __import__("os").path.exists(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None
"""


@pytest.fixture(scope="module")
def two_kernels():
    """Two kernels booted at the same time, sharing the suite's state folder."""
    first, second = Kernel(), Kernel()
    for kernel in (first, second):  # both boots run concurrently
        kernel.submit("from workbench import boot\nsandbox = boot()")
    for kernel in (first, second):
        kernel.run("sandbox")  # waits for the boot, raises if it failed
        kernel.run(EXISTS)
    yield first, second
    first.shutdown()
    if second.manager.is_alive():
        second.shutdown()


def test_kernels_get_different_databases(two_kernels):
    first, second = two_kernels
    names = [kernel.eval("sandbox.database.name") for kernel in two_kernels]
    assert names[0] != names[1]
    assert all(
        kernel.eval(f"database_exists({name!r})") for kernel in two_kernels for name in names
    )
    assert first.eval("sandbox.database.template") == second.eval("sandbox.database.template")


def test_writes_in_one_kernel_are_invisible_in_the_other(two_kernels):
    first, second = two_kernels
    first.run(
        """
        from catalog.models import Content, Creator
        Creator.objects.create(name="Only here", slug="only-here", joined="2024-01-01")
        Content.objects.update(plays=7)
        """
    )
    second.run("from catalog.models import Content, Creator")
    assert first.eval("Creator.objects.filter(slug='only-here').exists()") is True
    assert second.eval("Creator.objects.filter(slug='only-here').exists()") is False
    assert second.eval("Content.objects.filter(plays=7).count()") < 60
    assert second.eval("Creator.objects.count()") == 6
    first.run("sandbox.reset()")
    assert first.eval("Creator.objects.count()") == 6


def test_caches_and_resets_stay_in_their_kernel(two_kernels):
    """On memcached or Redis both kernels share a server: a reset must not flush the other's."""
    first, second = two_kernels
    code = "from django.core.cache import cache\ncache.set('answer', {value}, 300)"
    first.run(code.format(value=1))
    second.run(code.format(value=2))
    assert first.eval("cache.get('answer')") == 1
    assert second.eval("cache.get('answer')") == 2
    first.run("sandbox.reset()")
    assert first.eval("cache.get('answer')") is None
    assert second.eval("cache.get('answer')") == 2
    second.run("sandbox.reset()")


def test_reset_restores_seed_rows_and_clears_caches_and_mail(two_kernels):
    first, _ = two_kernels
    first.run(
        """
        from catalog.models import Comment, Content, Tag
        from django.core import mail
        from django.core.cache import caches
        before = (Content.objects.count(), Comment.objects.count(), Tag.objects.count(),
                  sorted(Content.objects.values_list("slug", "plays")))
        Comment.objects.all().delete()
        Content.objects.filter(pk__in=Content.objects.values("pk")[:5]).delete()
        Tag.objects.create(name="new")
        caches["default"].set("page", "cached")
        mail.send_mail("Hi", "Body", "a@example.com", ["b@example.com"])
        assert len(mail.outbox) == 1
        sandbox.reset()
        after = (Content.objects.count(), Comment.objects.count(), Tag.objects.count(),
                 sorted(Content.objects.values_list("slug", "plays")))
        """
    )
    assert first.eval("after == before") is True
    assert first.eval("caches['default'].get('page')") is None
    assert first.eval("len(mail.outbox)") == 0


def test_a_kernel_drops_its_database_when_it_exits(two_kernels):
    """Runs last in this module: it shuts the second kernel down."""
    first, second = two_kernels
    name = second.eval("sandbox.database.name")
    second.shutdown()
    for _ in range(50):  # the kernel process may take a moment to finish exiting
        if not first.eval(f"database_exists({name!r})"):
            break
        time.sleep(0.1)
    assert first.eval(f"database_exists({name!r})") is False


def test_orphaned_databases_are_removed_live_ones_kept(tmp_path):
    live, dead = tmp_path / "1_live", tmp_path / "2_dead"
    for stem in (live, dead):
        Path(f"{stem}.sqlite3").write_text("db")
        Path(f"{stem}.lock").write_text("")
    Path(f"{dead}.sqlite3-journal").write_text("journal")
    with open(f"{live}.lock") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a live kernel holds its lock
        databases._remove_orphans(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1_live.lock", "1_live.sqlite3"]


def test_fingerprint_follows_size_seed_and_code(monkeypatch, tmp_path):
    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "0001_initial.py").write_text("one")
    (tmp_path / "seed.py").write_text("seed")
    monkeypatch.setattr(databases, "PROJECT_DIR", tmp_path)
    monkeypatch.setattr(databases, "FINGERPRINTED", ["migrations", "seed.py"])
    base = databases.fingerprint("small", 0)
    assert base == databases.fingerprint("small", 0)
    assert base != databases.fingerprint("medium", 0)
    assert base != databases.fingerprint("small", 1)
    (tmp_path / "migrations" / "0002_more.py").write_text("two")
    assert databases.fingerprint("small", 0) != base
    (tmp_path / "seed.py").write_text("other seed")
    changed = databases.fingerprint("small", 0)
    (tmp_path / "seed.py").write_text("seed")
    assert databases.fingerprint("small", 0) not in (changed, base)


REPORT = """
from workbench import boot, databases
sandbox = boot({args})
from catalog.models import Content
template = sandbox.database.template
print(template, Content.objects.count(), databases.fingerprint(sandbox.size, sandbox.seed))
"""


def test_template_rebuilt_when_the_code_changes_while_a_kernel_lives(tmp_path):
    """A kernel keeps working when a newer boot replaces its template with a fresh one."""
    state = {"WORKBOOK_STATE_DIR": str(tmp_path / "state")}
    kernel = Kernel(**state)
    try:
        kernel.run("from workbench import boot\nsandbox = boot()")  # builds the template
        old = kernel.eval("sandbox.database.template")
        if vendor() == "sqlite":
            built = os.stat(old).st_mtime_ns
            same = run_python(REPORT.format(args=""), **state)
            assert same.stdout.split()[0] == old
            assert os.stat(old).st_mtime_ns == built  # copied, not rebuilt
        # Another process whose migrations or seed code differ (a different fingerprint).
        changed = REPORT.replace(
            "from workbench import boot, databases",
            "from workbench import boot, databases\n"
            "databases.FINGERPRINTED = [*databases.FINGERPRINTED, 'catalog/models.py']",
        )
        others = [  # templates of other sizes and seeds may serve other kernels: they stay
            tmp_path / "state" / "template-small-1-000000000000.sqlite3",
            tmp_path / "state" / "template-medium-0-000000000000.sqlite3",
        ]
        for other in others:
            other.write_text("")
        process = run_python(changed.format(args=""), **state)
        assert process.returncode == 0, process.stderr
        new, count, print_ = process.stdout.split()
        assert new != old and print_ in new and count == "60"
        if vendor() == "sqlite":
            assert Path(new).exists() and not Path(old).exists()  # the stale one is gone
        assert all(other.exists() for other in others)
        # The first kernel's reset still gives the seeded rows, building its template anew.
        kernel.run("from catalog.models import Creator\nCreator.objects.all().delete()")
        kernel.run("sandbox.reset()")
        assert kernel.eval("Creator.objects.count()") == 6
    finally:
        kernel.shutdown()
    if vendor() == "sqlite":
        assert os.listdir(tmp_path / "state" / "kernels") == []  # every process cleaned up
