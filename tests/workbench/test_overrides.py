"""Overrides switch cache, sessions, URLs or any setting, and undo cleanly."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse
from sandbox.environment import CACHE_BACKENDS, PROCESS_TOKEN, state_dir
from workbench.overrides import (
    SESSION_ENGINES,
    Override,
    cache_override,
    session_override,
    urls_override,
)

pytestmark = pytest.mark.django_db


def _servers():
    """Cache backends worth trying here: the shared servers only when configured."""
    available = {"memcached": "WORKBOOK_MEMCACHED", "redis": "WORKBOOK_REDIS_URL"}
    return [
        pytest.param(
            name,
            marks=pytest.mark.skipif(
                name in available and not os.environ.get(available[name]),
                reason=f"{name} is not configured (tests/services.sh starts it)",
            ),
        )
        for name in CACHE_BACKENDS
    ]


def visits(request):
    request.session["visits"] = request.session.get("visits", 0) + 1
    return HttpResponse(str(request.session["visits"]))


@pytest.mark.parametrize("backend", _servers())
def test_use_cache_switches_backend_and_undo_restores_it(backend):
    original = settings.CACHES
    cache.set("kept", "before")
    override = cache_override(backend, TIMEOUT=60)
    try:
        if backend == "database":  # every kernel database has it; this test database not yet
            call_command("createcachetable", verbosity=0)
        assert (
            type(caches["default"]).__module__ + "." + type(caches["default"]).__name__
            == (CACHE_BACKENDS[backend])
        )
        assert settings.CACHES["default"]["TIMEOUT"] == 60
        cache.set("key", "value")
        assert cache.get("key") == (None if backend == "dummy" else "value")
        cache.delete("key")
    finally:
        override.undo()
    assert original == settings.CACHES
    assert cache.get("kept") == "before"  # the original backend, its data intact
    cache.delete("kept")


def test_file_cache_lives_in_this_kernels_folder():
    with cache_override("file") as override:
        assert override.active
        location = settings.CACHES["default"]["LOCATION"]
        assert location == str(state_dir() / "caches" / PROCESS_TOKEN)
        cache.set("x", 1)
        assert os.listdir(location)
        cache.clear()
    assert not override.active


@pytest.mark.parametrize("engine", SESSION_ENGINES)
def test_use_sessions_switches_engine_and_undo_restores_it(engine):
    default_engine = settings.SESSION_ENGINE
    with urls_override([path("visits/", visits)]), session_override(engine):
        assert f"django.contrib.sessions.backends.{engine}" == settings.SESSION_ENGINE
        client = Client()
        assert [client.get("/visits/").content for _ in range(3)] == [b"1", b"2", b"3"]
        if engine == "file":
            folder = settings.SESSION_FILE_PATH
            assert folder.endswith(f"sessions/{PROCESS_TOKEN}") and os.listdir(folder)
    assert default_engine == settings.SESSION_ENGINE


def test_unknown_session_engine_names_the_choices():
    with pytest.raises(ValueError, match="db, cache, cached_db, file, signed_cookies"):
        session_override("cookies")


def test_use_urls_routes_cell_views_before_the_project(client):
    override = urls_override(
        [path("hello/", lambda request: HttpResponse("hello")), path("", visits)]
    )
    try:
        assert client.get("/hello/").content == b"hello"
        assert client.get("/").content == b"1"  # first match wins: the cell's route
        assert client.get("/report/").status_code == 200  # the project's URLs stay
        assert reverse("catalog:creator-report") == "/report/"
    finally:
        override.undo()
    assert client.get("/hello/").status_code == 404
    assert b"Content" in client.get("/").content
    assert settings.ROOT_URLCONF == "sandbox.urls"


def test_use_urls_without_the_project(client):
    with urls_override([path("hello/", lambda request: HttpResponse("hi"))], keep_project=False):
        assert client.get("/hello/").status_code == 200
        assert client.get("/report/").status_code == 404
    assert client.get("/report/").status_code == 200


def test_nested_overrides_undo_in_any_order(client):
    outer = urls_override([path("outer/", lambda request: HttpResponse("outer"))])
    inner = urls_override([path("inner/", lambda request: HttpResponse("inner"))])
    assert client.get("/outer/").status_code == client.get("/inner/").status_code == 200
    inner.undo()
    assert client.get("/inner/").status_code == 404
    assert client.get("/outer/").status_code == 200
    outer.undo()
    assert client.get("/outer/").status_code == 404


def test_override_any_setting_undo_is_idempotent():
    before = settings.APPEND_SLASH
    override = Override(APPEND_SLASH=not before, WORKBOOK_EXTRA="x")
    assert (not before, "x") == (settings.APPEND_SLASH, settings.WORKBOOK_EXTRA)
    assert repr(override) == "<Override APPEND_SLASH, WORKBOOK_EXTRA (active)>"
    override.undo()
    override.undo()
    assert before == settings.APPEND_SLASH and not hasattr(settings, "WORKBOOK_EXTRA")
    assert repr(override).endswith("(undone)>")


def test_with_block_undoes_on_error():
    with pytest.raises(ZeroDivisionError), Override(APPEND_SLASH=False):
        1 / 0  # noqa: B018
    assert settings.APPEND_SLASH is True
