"""Booting: from any folder, twice, or wrongly, always with one clear outcome."""

import pytest
from kernel_tools import CellError, closed_port, run_python, vendor

# Its tests share module-scoped kernels and run in order: keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("workbench_boot")

BOOT = "from workbench import boot\nboot()\n"


@pytest.fixture(scope="module")
def autograde_kernel(tmp_path_factory):
    """A kernel started where ``nbgrader autograde`` starts it: the submission's folder.

    The folder also holds a stray ``catalog/`` folder, as a submission might: it must not
    shadow the sandbox's app.
    """
    from kernel_tools import Kernel

    folder = tmp_path_factory.mktemp("course") / "autograded" / "alice" / "ps1"
    (folder / "catalog").mkdir(parents=True)
    (folder / "01_orm.ipynb").write_text("{}")
    kernel = Kernel(cwd=folder)
    kernel.folder = folder
    yield kernel
    kernel.shutdown()


def test_kernelspec_environment_reaches_the_kernel(autograde_kernel):
    env = autograde_kernel.eval(
        '{k: __import__("os").environ.get(k) for k in '
        '("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")}'
    )
    assert env == {
        "DJANGO_SETTINGS_MODULE": "sandbox.settings",
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
    }


def test_boot_in_an_autograde_folder(autograde_kernel):
    kernel = autograde_kernel
    kernel.run("from workbench import boot\nsandbox = boot()")
    assert kernel.eval("__import__('os').getcwd()") == str(kernel.folder)
    # A cell runs inside the kernel's event loop: the ORM must still work there.
    assert kernel.eval("__import__('catalog.models').models.Content.objects.count()") == 60
    assert kernel.eval("__import__('catalog').__file__").endswith(
        "sandbox_project/catalog/__init__.py"
    )
    assert kernel.eval("sandbox.client().get('/').status_code") == 200
    # The database lives in the state folder, never in the submission's folder.
    assert sorted(p.name for p in kernel.folder.iterdir()) == ["01_orm.ipynb", "catalog"]


def test_async_client_in_a_cell(autograde_kernel):
    autograde_kernel.run("response = await sandbox.async_client().get('/report/')")
    assert autograde_kernel.eval("response.status_code") == 200


def test_booting_twice_returns_the_same_sandbox(autograde_kernel):
    assert autograde_kernel.eval("boot() is sandbox and boot('small', 0) is sandbox") is True


def test_booting_another_size_is_a_clear_error(autograde_kernel):
    with pytest.raises(CellError) as error:
        autograde_kernel.run("boot(size='medium')")
    assert error.value.ename == "RuntimeError"
    assert "already booted a 'small' sandbox" in error.value.evalue
    assert "Restart the kernel" in error.value.evalue
    assert autograde_kernel.eval("boot() is sandbox") is True  # still usable


def test_django_set_up_before_boot_is_a_clear_error():
    process = run_python("import django\ndjango.setup()\n" + BOOT)
    assert process.returncode == 1
    assert "RuntimeError: Django was set up before workbench.boot()" in process.stderr
    assert "restart the kernel and run the boot cell first" in process.stderr


def test_another_settings_module_is_a_clear_error():
    process = run_python(BOOT, DJANGO_SETTINGS_MODULE="mysite.settings")
    assert process.returncode == 1
    assert "DJANGO_SETTINGS_MODULE is 'mysite.settings'" in process.stderr


def _one_error(process):
    """The process failed with exactly one traceback, no chained causes, no warnings."""
    assert process.returncode == 1, process.stderr
    assert process.stderr.count("Traceback") == 1, process.stderr
    assert "direct cause" not in process.stderr and "During handling" not in process.stderr
    assert "Warning" not in process.stderr, process.stderr
    return process.stderr.strip().splitlines()


@pytest.mark.parametrize(
    ("variable", "value", "choices"),
    [
        ("WORKBOOK_DATABASE", "oracle", "sqlite, postgresql"),
        ("WORKBOOK_CACHE", "nope", "locmem, memcached, redis, file, database, dummy"),
    ],
)
def test_unknown_backend_is_one_clear_error(variable, value, choices):
    lines = _one_error(run_python(BOOT, **{variable: value}))
    assert lines[-1] == (
        f"django.core.exceptions.ImproperlyConfigured: {variable}={value!r} is not a backend "
        f"the sandbox knows. Use one of: {choices} (or unset it for "
        f"{'sqlite' if variable == 'WORKBOOK_DATABASE' else 'locmem'!r})."
    )


def test_unreachable_postgresql_is_one_clear_error_and_boot_can_be_retried():
    port = closed_port()
    code = """
        from workbench import boot
        try:
            boot()
        except Exception as error:
            first = str(error)
        else:
            raise SystemExit("boot() worked without a server")
        try:
            boot()  # after fixing the server, the same kernel can boot: here it still fails
        except Exception as error:
            assert str(error) == first, error
        raise SystemExit(first) from None
    """
    process = run_python(code, WORKBOOK_DATABASE="postgresql", PGHOST="127.0.0.1", PGPORT=str(port))
    assert process.returncode == 1
    assert "Normally Django will use" not in process.stderr  # Django's fallback warning
    message = process.stderr
    assert f"PostgreSQL at 127.0.0.1:{port}" in message
    assert "Connection refused" in message
    assert "Check that the server is running" in message
    assert "PGHOST, PGPORT, PGUSER and PGPASSWORD" in message
    assert "unset WORKBOOK_DATABASE to use SQLite" in message


@pytest.mark.skipif(vendor() != "sqlite", reason="the SQLite file's place")
def test_boot_from_a_script_in_another_folder(tmp_path):
    process = run_python(
        BOOT + "from django.db import connection\nprint(connection.settings_dict['NAME'])",
        cwd=tmp_path,
    )
    assert process.returncode == 0, process.stderr
    assert "/kernels/" in process.stdout
    assert list(tmp_path.iterdir()) == []
