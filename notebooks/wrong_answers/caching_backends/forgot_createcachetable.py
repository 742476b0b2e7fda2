# Configures the database cache but never runs createcachetable: its table does not exist.
from django.conf import settings


def install_caches(folder):
    extra = {
        "memory": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
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
    return sandbox.override(CACHES={**settings.CACHES, **extra})  # noqa: F821
