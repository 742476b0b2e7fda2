# Forgets that a long payload is zlib-compressed (leading dot): fails on larger sessions.
import json

from django.core import signing


def tamper(cookie_value, changes):
    payload, rest = cookie_value.split(":", 1)
    data = json.loads(signing.b64_decode(payload.encode()))
    data.update(changes)
    return signing.b64_encode(json.dumps(data).encode()).decode() + ":" + rest
