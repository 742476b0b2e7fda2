# Ignores "the original timestamp and signature": appends a fresh timestamp and a made-up signature.
import json
import zlib

from django.core import signing


def tamper(cookie_value, changes):
    payload, stamp_and_signature = cookie_value.split(":", 1)
    raw = signing.b64_decode(payload.lstrip(".").encode())
    if payload.startswith("."):
        raw = zlib.decompress(raw)
    data = json.loads(raw)
    data.update(changes)
    forged = signing.b64_encode(json.dumps(data).encode()).decode()
    stamp = signing.b62_encode(0)
    return f"{forged}:{stamp}:forged-signature"
