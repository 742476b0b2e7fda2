# Ignores "returns the override": applies it and returns nothing, so nobody can undo it.
from django.conf import settings
from django.core.management import call_command


def install_caches(folder):
    extra = {
        "memory": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "caching-memory",
            "TIMEOUT": 60,
            "OPTIONS": {"MAX_ENTRIES": 500},
        },
        "files": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder),
        },
        "db": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "caching_entries",
        },
        "off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    sandbox.override(CACHES={**settings.CACHES, **extra})  # noqa: F821
    call_command("createcachetable", verbosity=0)
    return None  # the override stays on for good
