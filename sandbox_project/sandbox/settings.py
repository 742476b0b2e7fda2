"""Settings for the sandbox project: a small media catalogue the questions share.

Backends come from the environment (see ``sandbox.environment``). Everything else is an
ordinary Django 5.2 project: https://docs.djangoproject.com/en/5.2/topics/settings/
"""

from pathlib import Path

from sandbox.environment import cache_settings, database_settings

BASE_DIR = Path(__file__).resolve().parent.parent

# A sandbox for learning, never deployed: a fixed key is fine here and only here.
SECRET_KEY = "django-insecure-sandbox-for-learning-only"
DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "catalog",
    "playground",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "sandbox.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "sandbox.wsgi.application"
ASGI_APPLICATION = "sandbox.asgi.application"

DATABASES = {"default": database_settings()}
CACHES = {"default": cache_settings()}

AUTH_PASSWORD_VALIDATORS = []
# Fast hashing keeps logins in exercises quick; never do this in production.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
