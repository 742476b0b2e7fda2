# Ignores "a new list, leave the given one unchanged": inserts into the list it was given.
def with_site_cache(middleware):
    middleware.insert(0, "django.middleware.cache.UpdateCacheMiddleware")
    middleware.append("django.middleware.cache.FetchFromCacheMiddleware")
    return middleware
