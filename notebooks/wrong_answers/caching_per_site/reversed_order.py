# Fetch first and Update last: responses are stored before the session adds Vary: Cookie.
def with_site_cache(middleware):
    return [
        "django.middleware.cache.FetchFromCacheMiddleware",
        *middleware,
        "django.middleware.cache.UpdateCacheMiddleware",
    ]
