# Builds CACHES alias by alias and returns sandbox.override() (undo() or a with block).
from django.conf import settings
from django.core.management import call_command


def install_caches(folder):
    caches_setting = dict(settings.CACHES)
    caches_setting["memory"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "TIMEOUT": 60,
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
    caches_setting["files"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": folder,
    }
    caches_setting["db"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "caching_entries",
    }
    caches_setting["off"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    override = sandbox.override(CACHES=caches_setting)  # noqa: F821
    call_command("createcachetable", "caching_entries", verbosity=0)
    return override
