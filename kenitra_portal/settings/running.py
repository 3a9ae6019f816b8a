"""Running it: the caches (the anonymous page cache among them), file storage and
logs."""

import os

from .env import env_int

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    _redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "kenitra"),
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
    CACHES = {
        # A Redis outage slows pages down; it does not take the site down.
        "default": {
            **_redis,
            "OPTIONS": {**_redis["OPTIONS"], "IGNORE_EXCEPTIONS": True},
        },
        # The same Redis, for what must know when Redis does not answer: the page
        # cache's content version (core/pagecache.py) and the rate limits'
        # counters (core/ratelimit.py), which then fall back instead of believing
        # an empty answer.
        "shared": _redis,
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whether "shared" is shared by every worker; without Redis the rate limits count in
# the database, which every worker sees.
SHARED_CACHE = bool(REDIS_URL)
# Anonymous pages are kept this many seconds, or until any content changes (0: off).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Each worker keeps its pages in its own memory, so a hit costs no network trip; the
# content version they belong to is shared in the default cache (Redis), and a worker
# looks at it again after this many milliseconds: an edit saved through any worker
# shows everywhere within that time (the worker that saved it shows it at once).
# While Redis does not answer, pages are computed for every request (never served
# from a cache that cannot be told of a change), and Redis is asked again after the
# same time.
PAGE_CACHE_VERSION_MAX_AGE_MS = env_int("PAGE_CACHE_VERSION_MAX_AGE_MS", 1000)
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "anonymous-pages",
    "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 1000)},
}
# A visitor with one of these cookies may see something personal: never from the cache.
PAGE_CACHE_BYPASS_COOKIES = ("sessionid", "messages")

# Media on the local disk by default; on S3-compatible storage when a bucket is named.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME:
    # Credentials, endpoint and region come from boto3's own environment variables
    # (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME).
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "file_overwrite": False,
            # Internal documents must not be readable by a guessed address.
            "querystring_auth": True,
        },
    }
WHITENOISE_MAX_AGE = 60 * 60  # unhashed names; hashed ones are cached for ever
# Outside production, files are served from their apps' folders, no collectstatic.
WHITENOISE_USE_FINDERS = True

# JSON lines on standard output, each with the id of its request (LOG_FORMAT=text
# for a terminal).
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "core.logging.JSONFormatter"},
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": os.environ.get("LOG_FORMAT", "json"),
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Our request log replaces the access line; Django's would double it.
        "django.server": {"level": "WARNING"},
        "kenitra_portal.request": {
            "level": os.environ.get("REQUEST_LOG_LEVEL", "INFO")
        },
    },
}
