# The list Django's ordering docs show: SecurityMiddleware stays on top, UpdateCache right below it.
def with_site_cache(middleware):
    security = "django.middleware.security.SecurityMiddleware"
    if middleware and middleware[0] == security:
        return [
            security,
            "django.middleware.cache.UpdateCacheMiddleware",
            *middleware[1:],
            "django.middleware.cache.FetchFromCacheMiddleware",
        ]
    return [
        "django.middleware.cache.UpdateCacheMiddleware",
        *middleware,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
