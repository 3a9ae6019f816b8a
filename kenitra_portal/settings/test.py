import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
DOCUMENTS_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405
EXPORTS_ROOT = BASE_DIR / ".test-exports"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests measure pages as rendered; tests/kenitra_portal/test_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# The benchmark's demo-volume generator (bench/), tested like the rest.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared memory, so that tests of concurrent writers meet SQLite's
    # real locking (WAL and the busy timeout), as gunicorn's workers would.
    # One per run, so two runs in one checkout do not share it.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": BASE_DIR / f".test-db-{os.getpid()}.sqlite3"  # noqa: F405
    }
    # A test database need not survive a power cut.
    DATABASES["default"]["OPTIONS"]["init_command"] = (  # noqa: F405
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
    )
