# Looks the cache up by the bare session key (no KEY_PREFIX) and ignores compressed cookies.
import json
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.backends import file as file_engine
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.cache import caches


def stored_session(engine, client):
    morsel = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if morsel is None or not morsel.value:
        return None
    key = morsel.value
    if engine in ("db", "cached_db"):
        row = Session.objects.filter(session_key=key).first()
        return row.get_decoded() if row else None
    if engine == "cache":
        return caches[settings.SESSION_CACHE_ALIAS].get(key)
    if engine == "file":
        stored = Path(settings.SESSION_FILE_PATH) / (settings.SESSION_COOKIE_NAME + key)
        return file_engine.SessionStore().decode(stored.read_text()) if stored.exists() else None
    return json.loads(signing.b64_decode(key.split(":")[0].encode()))
