# Puts TIMEOUT inside OPTIONS and MAX_ENTRIES at the top level: Django ignores both there.
from django.conf import settings
from django.core.management import call_command


def install_caches(folder):
    extra = {
        "memory": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "MAX_ENTRIES": 500,
            "OPTIONS": {"TIMEOUT": 60},
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
