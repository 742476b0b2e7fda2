# Another correct answer: raw SQL-free reads, cached_db from the cache with a database fallback.
import base64
import json
import os
import zlib

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.cache import caches

SALT = "django.contrib.sessions.SessionStore"


def stored_session(engine, client):
    key = (
        client.cookies[settings.SESSION_COOKIE_NAME].value
        if settings.SESSION_COOKIE_NAME in client.cookies
        else ""
    )
    if not key:
        return None
    cache = caches[settings.SESSION_CACHE_ALIAS]
    if engine == "cache":
        return cache.get("django.contrib.sessions.cache" + key)
    if engine == "cached_db":
        copy = cache.get("django.contrib.sessions.cached_db" + key)
        if copy is not None:
            return copy
        engine = "db"
    if engine == "db":
        try:
            text = Session.objects.get(pk=key).session_data
        except Session.DoesNotExist:
            return None
        return signing.loads(text, salt=SALT)
    if engine == "file":
        name = os.path.join(settings.SESSION_FILE_PATH, settings.SESSION_COOKIE_NAME + key)
        if not os.path.exists(name):
            return None
        with open(name) as handle:
            return signing.loads(handle.read(), salt=SALT)
    payload = key.partition(":")[0]
    compressed = payload.startswith(".")
    payload = payload.lstrip(".")
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return json.loads(zlib.decompress(raw) if compressed else raw)
