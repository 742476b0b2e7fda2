# Decodes and encodes the payload with the base64 module and strips the padding itself.
import base64
import json
import zlib


def tamper(cookie_value, changes):
    payload, rest = cookie_value.split(":", 1)
    text = payload.removeprefix(".")
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if payload.startswith("."):
        raw = zlib.decompress(raw)
    data = {**json.loads(raw), **changes}
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    return forged + ":" + rest
