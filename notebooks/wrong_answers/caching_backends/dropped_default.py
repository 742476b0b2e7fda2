# Replaces CACHES wholesale: the 'default' cache Django requires is gone.
from django.core.management import call_command


def install_caches(folder):
    override = sandbox.override(  # noqa: F821
        CACHES={
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
    )
    call_command("createcachetable", verbosity=0)
    return override
