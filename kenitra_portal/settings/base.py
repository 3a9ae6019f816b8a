"""Settings shared by every environment; values that differ come from the environment.

Django's own settings are here; each topic has a module of its own: i18n
(languages), api (REST framework, OpenAPI), security (headers, cookies, logins),
running (caches, storage, logs), citizens (proposals, e-mail, the law).
"""

import os
from pathlib import Path

import dj_database_url

from .api import *  # noqa: F403
from .citizens import *  # noqa: F403
from .env import BASE_DIR, env_bool, env_int, env_list  # noqa: F401
from .i18n import *  # noqa: F403
from .running import *  # noqa: F403
from .security import *  # noqa: F403

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its patches are in place.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "easy_thumbnails",
    "csp",
    # Static files only: Bootstrap for the site, jQuery UI for the admin's tabs.
    "bootstrap",
    "django_static_jquery_ui",
    "solo",
    "core.apps.LoginAttemptsConfig",
    # The floors, from the ground up: core is what every app uses, kenitra_portal the
    # site-wide pages composed of them (ARCHITECTURE.md).
    "core",
    "projects",
    "consultations",
    "workshops",
    "petitions",
    "disclosure",
    "kenitra_portal",
]

MIDDLEWARE = [
    # First, so every log line of the request, and its answer, carry the request id.
    "core.middleware.RequestIdMiddleware",
    "core.middleware.RefuseNulMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.admin_locale.AdminArabicByDefaultMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After the locale is known, before anything that reads the session or the user.
    "core.pagecache.AnonymousPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kenitra_portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kenitra_portal.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "kenitra_portal.wsgi.application"
ASGI_APPLICATION = "kenitra_portal.asgi.application"

# No DATABASE_URL: a SQLite file in the project folder, so a fresh clone needs no server.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several writers at once (gunicorn's workers, a citizen and an editor): readers
    # never wait for a writer (WAL), a write transaction takes the lock when it
    # begins instead of failing half-way ("database is locked"), and waits up to
    # `timeout` seconds for it.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT", 20),
    }
else:
    # The portal's tables fit in memory, where a random read costs what a sequential
    # one does. At PostgreSQL's default (4, for spinning disks) the planner reads a
    # whole table and tests every row's search document, stored compressed apart
    # from the row, rather than ask the document's index: 160-190 ms instead of
    # 35-40 ms for a search at five times the demo volume (bench/README.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c random_page_cost=" + os.environ.get("DB_RANDOM_PAGE_COST", "1.1")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

CSRF_FAILURE_VIEW = "kenitra_portal.errors.csrf_failure"

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Fonts and icons come from npm packages (package.json), installed by `make install`
# into node_modules/ and served by the portal itself like the rest of static/.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("fonts/noto-naskh-arabic", NODE_MODULES / "@fontsource/noto-naskh-arabic/files"),
    ("fonts/noto-sans", NODE_MODULES / "@fontsource/noto-sans/files"),
    ("icons", NODE_MODULES / "bootstrap-icons/icons"),
    # Tifinagh for phones and computers that have no Tifinagh font of their own.
    ("fonts/noto-sans-tifinagh", NODE_MODULES / "@fontsource/noto-sans-tifinagh/files"),
]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads (core/uploads.py); the pixel limit stops decompression bombs.
UPLOAD_MAX_IMAGE_MB = env_int("UPLOAD_MAX_IMAGE_MB", 10)
UPLOAD_MAX_IMAGE_PIXELS = env_int("UPLOAD_MAX_IMAGE_PIXELS", 40_000_000)
UPLOAD_MAX_DOCUMENT_MB = env_int("UPLOAD_MAX_DOCUMENT_MB", 20)
# Meeting documents live outside MEDIA_ROOT: only the document view serves them, after
# checking who asks (an internal document must not be reachable by its address).
DOCUMENTS_ROOT = Path(os.environ.get("DOCUMENTS_ROOT", BASE_DIR / "private-media"))
# The open-data downloads, as made for the current content (kenitra_portal/exports.py).
EXPORTS_ROOT = Path(os.environ.get("EXPORTS_ROOT", BASE_DIR / "exports"))

LOGIN_URL = "admin:login"

THUMBNAIL_ALIASES = {
    "": {
        "card": {"size": (480, 320), "crop": "smart"},
        "gallery": {"size": (320, 240), "crop": "smart"},
        "large": {"size": (1280, 960), "crop": False},
    }
}

# Read replicas (beyond one machine): anonymous reads go to them, the rest to default.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica_{_number}"] = dj_database_url.parse(
        _url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0)
    )
    DATABASES[f"replica_{_number}"]["TEST"] = {"MIRROR": "default"}
DATABASE_REPLICAS = [alias for alias in DATABASES if alias.startswith("replica_")]
DATABASE_ROUTERS = ["core.routers.PrimaryReplicaRouter"]
