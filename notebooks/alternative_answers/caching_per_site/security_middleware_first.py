# Keeps SecurityMiddleware first: UpdateCache goes right before the first Vary-adding middleware.
VARY_ADDERS = (
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.gzip.GZipMiddleware",
)


def with_site_cache(middleware):
    stack = list(middleware)
    first_adder = next((i for i, m in enumerate(stack) if m in VARY_ADDERS), 0)
    stack.insert(first_adder, "django.middleware.cache.UpdateCacheMiddleware")
    stack.append("django.middleware.cache.FetchFromCacheMiddleware")
    return stack
