# Ignores compressed payloads (a leading dot): fails on long sessions.
import json

from django.core import signing


def tamper(cookie_value, changes):
    payload, stamp_and_signature = cookie_value.split(":", 1)
    raw = signing.b64_decode(payload.lstrip(".").encode())
    data = json.loads(raw)
    data.update(changes)
    forged = signing.b64_encode(json.dumps(data).encode()).decode()
    return f"{forged}:{stamp_and_signature}"
