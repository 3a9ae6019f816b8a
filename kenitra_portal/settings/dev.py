from .base import *  # noqa: F403

DEBUG = True
# Development only: a fixed key so `make run` works on a fresh clone with nothing to set.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The benchmark's demo-volume generator (bench/), a development tool only.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
