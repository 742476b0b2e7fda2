# Right order, but inserts into the list it was given: settings.MIDDLEWARE changes for good.
def with_site_cache(middleware):
    middleware.insert(0, "django.middleware.cache.UpdateCacheMiddleware")
    middleware.append("django.middleware.cache.FetchFromCacheMiddleware")
    return middleware
