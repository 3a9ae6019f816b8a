import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

missing = [
    name
    for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS))  # noqa: F405
    if not value
]
if missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(missing)
    )
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-")):  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY must be a random value of at least 50 characters."
    )

DEBUG = False

# Links in e-mails to citizens: the portal's public address, by default the first
# host it answers to; a loopback address is refused when an e-mail is sent.
SITE_URL = os.environ.get("SITE_URL", f"https://{ALLOWED_HOSTS[0]}").rstrip("/")  # noqa: F405
EMAIL_LINKS_MAY_BE_LOCAL = False

# Behind nginx, which terminates HTTPS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
# Load balancers ask for the health check over plain HTTP, inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")  # noqa: F405

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Compressed files with hashed names from collectstatic, served by WhiteNoise and
# cached for ever.
WHITENOISE_USE_FINDERS = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "core.storage.StaticFilesStorage"
}

# Each gunicorn worker keeps its connection instead of opening one per request.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
for _alias in DATABASE_REPLICAS:  # noqa: F405
    DATABASES[_alias]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]  # noqa: F405
    DATABASES[_alias]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Without Redis each gunicorn worker would keep its own page cache, and an edit saved
# through one worker would not clear the others': no page cache unless asked for.
if not REDIS_URL and "PAGE_CACHE_SECONDS" not in os.environ:  # noqa: F405
    PAGE_CACHE_SECONDS = 0
