# Re-signs the changed data with signing.dumps(): that uses the SECRET_KEY, which an attacker lacks.
import json
import zlib

from django.core import signing


def tamper(cookie_value, changes):
    payload = cookie_value.split(":", 1)[0]
    raw = signing.b64_decode(payload.lstrip(".").encode())
    data = json.loads(zlib.decompress(raw) if payload.startswith(".") else raw)
    data.update(changes)
    return signing.dumps(
        data, salt="django.contrib.sessions.backends.signed_cookies", compress=True
    )
