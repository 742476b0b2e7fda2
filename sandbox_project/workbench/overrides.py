"""Settings changes that stay on until undone, built on Django's ``override_settings``."""

import itertools
import sys
import types

from django.conf import settings
from django.test.utils import override_settings
from django.urls import include, path
from sandbox.environment import PROCESS_TOKEN, cache_settings, state_dir

SESSION_ENGINES = ("db", "cache", "cached_db", "file", "signed_cookies")


class Override:
    """A settings change that is live until ``undo()``; as a context manager, until its end."""

    def __init__(self, **settings):
        self.settings = settings
        self._override = override_settings(**settings)
        self._override.enable()
        self.active = True

    def undo(self):
        """Restore the settings as they were (harmless if already undone)."""
        if self.active:
            self._override.disable()
            self.active = False

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.undo()

    def __repr__(self):
        state = "active" if self.active else "undone"
        return f"<Override {', '.join(self.settings)} ({state})>"


def cache_override(backend, **options):
    """Use cache ``backend`` (a name from ``sandbox.environment.CACHE_BACKENDS``)."""
    entry = cache_settings(backend)
    entry.update(options)
    return Override(CACHES={"default": entry})


def session_override(engine):
    """Use session ``engine``: one of ``SESSION_ENGINES``."""
    if engine not in SESSION_ENGINES:
        raise ValueError(
            f"{engine!r} is not a session engine. Use one of: {', '.join(SESSION_ENGINES)}."
        )
    # One folder per kernel: a question may count session files.
    folder = state_dir() / "sessions" / PROCESS_TOKEN
    folder.mkdir(parents=True, exist_ok=True)
    return Override(
        SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}",
        SESSION_FILE_PATH=str(folder),
    )


_urlconf_numbers = itertools.count(1)


def urls_override(patterns, keep_project=True):
    """Serve ``patterns`` (a list of ``path()``s), before the project's own URLs if kept."""
    module = types.ModuleType(f"playground_urls_{next(_urlconf_numbers)}")
    module.urlpatterns = list(patterns)
    if keep_project:
        module.urlpatterns.append(path("", include(settings.ROOT_URLCONF)))
    sys.modules[module.__name__] = module  # Django imports a URLconf by its dotted name
    return Override(ROOT_URLCONF=module.__name__)
