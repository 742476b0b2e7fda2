"""Settings read their backends from the environment, with one clear error for a bad name."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from sandbox import environment


@pytest.mark.parametrize(
    ("variable", "value", "read", "choices"),
    [
        (
            "WORKBOOK_DATABASE",
            "oracle",
            environment.database_settings,
            environment.DATABASE_ENGINES,
        ),
        ("WORKBOOK_CACHE", "nope", environment.cache_settings, environment.CACHE_BACKENDS),
    ],
)
def test_unknown_backend_names_the_variable_and_the_choices(
    monkeypatch, variable, value, read, choices
):
    monkeypatch.setenv(variable, value)
    with pytest.raises(ImproperlyConfigured) as error:
        read()
    message = str(error.value)
    assert variable in message and repr(value) in message
    assert all(choice in message for choice in choices)


@pytest.mark.parametrize("vendor", ["sqlite", "postgresql", "  PostgreSQL "])
def test_database_backend_from_environment(monkeypatch, vendor):
    monkeypatch.setenv("WORKBOOK_DATABASE", vendor)
    monkeypatch.setenv("WORKBOOK_DB_NAME", "some_name")
    entry = environment.database_settings()
    assert (
        entry["ENGINE"]
        == f"django.db.backends.{vendor.strip().lower().replace('sqlite', 'sqlite3')}"
    )
    assert entry["NAME"] == "some_name"


def test_sqlite_defaults_to_a_file_in_the_state_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("WORKBOOK_DATABASE", raising=False)
    monkeypatch.delenv("WORKBOOK_DB_NAME", raising=False)
    monkeypatch.setenv("WORKBOOK_STATE_DIR", str(tmp_path / "state"))
    assert environment.database_settings()["NAME"] == str(tmp_path / "state" / "manage.sqlite3")
    assert (tmp_path / "state").is_dir()


def test_throwaway_sqlite_databases_do_not_wait_for_the_disk(monkeypatch, tmp_path):
    import sqlite3

    monkeypatch.setenv("WORKBOOK_DATABASE", "sqlite")
    (command,) = environment.database_settings()["OPTIONS"]["init_command"].split(";")
    with sqlite3.connect(tmp_path / "kernel.sqlite3") as connection:
        connection.execute(command)
        assert connection.execute("PRAGMA synchronous").fetchone() == (0,)  # OFF


@pytest.mark.parametrize("name", sorted(environment.CACHE_BACKENDS))
def test_every_cache_backend_has_settings(monkeypatch, name):
    monkeypatch.setenv("WORKBOOK_CACHE", name)
    entry = environment.cache_settings()
    assert entry == environment.cache_settings(name)
    assert entry["BACKEND"] == environment.CACHE_BACKENDS[name]
    # Shared servers are kept apart per kernel by the key prefix.
    assert environment.PROCESS_TOKEN in entry["KEY_PREFIX"]


def test_cache_servers_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("WORKBOOK_MEMCACHED", "10.0.0.1:1234")
    monkeypatch.setenv("WORKBOOK_REDIS_URL", "redis://10.0.0.2:1/3")
    assert environment.cache_settings("memcached")["LOCATION"] == "10.0.0.1:1234"
    assert environment.cache_settings("redis")["LOCATION"] == "redis://10.0.0.2:1/3"


def test_unknown_cache_name_given_directly():
    with pytest.raises(ImproperlyConfigured, match="locmem, memcached, redis"):
        environment.cache_settings("nope")


def test_cache_generation_changes_keys_not_other_processes():
    before = environment.cache_key("k", "prefix", 1)
    environment.new_cache_generation()
    after = environment.cache_key("k", "prefix", 1)
    assert before != after and after.startswith("prefix:") and after.endswith(":1:k")


def test_settings_use_the_configured_backends(settings):
    assert settings.DATABASES["default"]["ENGINE"] == environment.database_settings()["ENGINE"]
    assert settings.CACHES["default"]["BACKEND"] == environment.cache_settings()["BACKEND"]
    assert {"catalog", "playground"} <= set(settings.INSTALLED_APPS)
