# Adds only FetchFromCacheMiddleware: it reads the cache, but nothing ever stores a page.
def with_site_cache(middleware):
    return [*middleware, "django.middleware.cache.FetchFromCacheMiddleware"]
