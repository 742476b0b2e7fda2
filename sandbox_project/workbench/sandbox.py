"""The ``Sandbox``: what a notebook gets back from ``boot()``."""

from contextlib import contextmanager

from asgiref.sync import SyncToAsync
from django.core import mail
from django.core.cache import caches
from django.core.cache.backends.memcached import BaseMemcachedCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection, connections
from django.test import AsyncClient, Client
from django.test.utils import CaptureQueriesContext
from sandbox.environment import new_cache_generation

from workbench import server, tables
from workbench.overrides import Override, cache_override, session_override, urls_override

SHARED_CACHES = (BaseMemcachedCache, RedisCache)


class Sandbox:
    """Helpers for exercises against this kernel's own copy of the sandbox project."""

    def __init__(self, database):
        self.database = database
        self._cell_models = {}  # label -> the latest class given to create_tables()

    @property
    def size(self):
        return self.database.size

    @property
    def seed(self):
        return self.database.seed

    def __repr__(self):
        return (
            f"<Sandbox {self.database.vendor} database {self.database.name!r}, "
            f"{self.size} seed data>"
        )

    def client(self, **defaults):
        """Return Django's test ``Client``: requests go through the whole stack, no server."""
        return Client(**defaults)

    def async_client(self, **defaults):
        """Return Django's ``AsyncClient``; ``await`` its calls (cells may use ``await``)."""
        return AsyncClient(**defaults)

    def capture_queries(self):
        """Return a context manager that records every SQL query run inside it."""
        return CaptureQueriesContext(connection)

    def reset(self):
        """Put the database back to its seeded state and empty caches and the mail outbox.

        Tables made by ``create_tables()`` come back empty.
        """
        from django.contrib.contenttypes.models import ContentType  # needs Django set up

        # Async ORM calls in cells run in asgiref's one worker thread, on a connection of its
        # own: close it, or it goes on reading the database the reset replaces.
        SyncToAsync.single_thread_executor.submit(connections.close_all).result(timeout=30)
        self.database.reset()
        # Content types are cached by id: after the reset, ids the cache holds may be gone.
        ContentType.objects.clear_cache()
        if self._cell_models:
            tables.create_tables(*self._cell_models.values())
        # Shared servers (memcached, Redis) are not flushed: that would empty other kernels'
        # caches too. A new generation of keys hides this kernel's old entries instead.
        new_cache_generation()
        for cache in caches.all(initialized_only=True):
            if not isinstance(cache, SHARED_CACHES):
                cache.clear()
        mail.outbox = []

    @contextmanager
    def scratch(self):
        """Reset the sandbox when the ``with`` block ends, whether its checks passed or failed.

        Test cells use it rather than ``try``/``finally``: for a cell, IPython points a
        traceback at the last line the cell ran, which after a ``finally`` is the reset, not
        the failed assert; a ``with`` block's exit leaves it on the assert.
        """
        try:
            yield self
        finally:
            self.reset()

    def create_tables(self, *models):
        """Create tables for models defined in cells (dropping earlier versions first)."""
        tables.create_tables(*models)
        self._cell_models.update((model._meta.label_lower, model) for model in models)

    def override(self, **settings) -> Override:
        """Change any settings until ``.undo()`` (or the ``with`` ends)."""
        return Override(**settings)

    def use_urls(self, patterns, keep_project=True) -> Override:
        """Route ``patterns`` (views written in cells) until ``.undo()`` (or the ``with`` ends).

        The project's own URLs stay reachable after them unless ``keep_project=False``.
        """
        return urls_override(patterns, keep_project)

    def use_cache(self, backend, **options) -> Override:
        """Switch the default cache to ``backend`` until ``.undo()`` (or the ``with`` ends)."""
        return cache_override(backend, **options)

    def use_sessions(self, engine) -> Override:
        """Switch ``SESSION_ENGINE`` to ``engine`` until ``.undo()`` (or the ``with`` ends)."""
        return session_override(engine)

    def serve(self, asgi=False) -> server.Server:
        """Serve the project over real HTTP on 127.0.0.1 until ``.stop()``."""
        return server.serve(asgi=asgi)
