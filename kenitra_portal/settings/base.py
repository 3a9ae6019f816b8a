"""Settings shared by every environment; values that differ come from the environment."""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def env_int(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from None


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

LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
    ("zgh", _("Standard Moroccan Tamazight")),
]
# Django ships no locale data for Standard Moroccan Tamazight (ISO 639-3 zgh, written
# in Tifinagh, left to right): its name in itself for the switcher, as in CLDR. Its
# formats are in core/formats/zgh, its catalogue in locale/zgh.
LANG_INFO.setdefault(
    "zgh",
    {
        "bidi": False,
        "code": "zgh",
        "name": "Standard Moroccan Tamazight",
        "name_local": "ⵜⴰⵎⴰⵣⵉⵖⵜ",
    },
)
LOCALE_PATHS = [BASE_DIR / "locale"]
# Moroccan month names and Western digits for Arabic live in our own format module.
FORMAT_MODULE_PATH = ["core.formats"]
# A refused form's CSRF check gets the portal's own page, in the visitor's language.
CSRF_FAILURE_VIEW = "kenitra_portal.errors.csrf_failure"
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# A text missing in another language shows the Arabic one, never an empty title.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ar",)
# modeltranslation's tabs default to jQuery UI on an outside CDN; ours is served here
# (django-static-jquery-ui).
JQUERY_UI_URL = "jquery-ui/jquery-ui.min.js"

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

LOGIN_URL = "admin:login"

# The public API (core/api.py): read-only for anonymous clients, written
# with a staff member's token under the same rights as in the admin.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Bounded in size and depth, strings cleaned (core/parsers.py).
    "DEFAULT_PARSER_CLASSES": ["core.parsers.CleanJSONParser"],
    # Every error in JSON, a server error included (core/errors.py).
    "EXCEPTION_HANDLER": "core.errors.api_exception_handler",
    # Pagination, filters, permissions, throttle and schema classes are set on
    # core.api.PortalViewSet: DRF imports classes named here while it
    # is itself being imported. Requests per client address, e.g. "60/minute";
    # "" turns the limit off.
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "60/minute")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kenitra openness portal API",
    "DESCRIPTION": (
        "Everything the Kenitra openness portal publishes, as data: the program's "
        "axes, goals and projects, the consultative meetings (agenda, participants "
        "and their roles, decisions, public documents, press), workshops, published "
        "citizens' proposals, organizations, people and their roles.\n\n"
        "**Language.** `?lang="
        + "|".join(code for code, _name in LANGUAGES)
        + "` (or the `Accept-Language` header) picks the "
        "language of translated fields. A value without a translation is given in "
        "Arabic, and the object's `_fallback` names it, e.g. "
        '`"_fallback": {"summary": "ar"}`. `?lang=all` gives every translated field '
        "as `{" + ", ".join(f'"{code}": …' for code, _name in LANGUAGES) + "}`.\n\n"
        "**Identifiers.** Every object has a stable numeric `id`, its `slug` and "
        "`url`, its page on the portal. Dates and times are ISO 8601 with offset.\n\n"
        "**Lists** are paginated (`page`, `page_size` up to 100), filterable, "
        "searchable with `q` (Arabic spelling variants and French accents ignored), "
        "and ordered with `ordering` among the fields each list names.\n\n"
        "**Polling.** Responses carry `ETag` and `Last-Modified`; send them back as "
        "`If-None-Match` / `If-Modified-Since` to get `304 Not Modified`.\n\n"
        "**Limits.** Anonymous clients are limited per address (60 requests a minute "
        "by default); past it the answer is `429` with `Retry-After`.\n\n"
        "**Writing.** Staff tools send `Authorization: Token <key>` (keys are issued "
        "in the admin). Editors create and change drafts; only publishers publish.\n\n"
        "Bulk downloads (CSV, JSON, Popolo) are on the portal's open-data page."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.document_common_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ProjectStatusEnum": "projects.models.ProjectStatus",
        "MeetingStatusEnum": "consultations.models.MeetingStatus",
        "ActionStatusEnum": "consultations.models.ActionStatus",
        "ProposalStatusEnum": "workshops.models.ProposalStatus",
        "PublicationStatusEnum": "core.models.PublicationStatus",
        "MeetingKindEnum": "consultations.models.MeetingKind",
        "DocumentKindEnum": "consultations.models.DocumentKind",
        "OrganizationKindEnum": "consultations.models.OrganizationKind",
    },
}

THUMBNAIL_ALIASES = {
    "": {
        "card": {"size": (480, 320), "crop": "smart"},
        "gallery": {"size": (320, 240), "crop": "smart"},
        "large": {"size": (1280, 960), "crop": False},
    }
}

# --- Running it: cache, security headers, throttling, logs, storage -----------------

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

# Read replicas (beyond one machine): anonymous reads go to them, the rest to default.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica_{_number}"] = dj_database_url.parse(
        _url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0)
    )
    DATABASES[f"replica_{_number}"]["TEST"] = {"MIRROR": "default"}
DATABASE_REPLICAS = [alias for alias in DATABASES if alias.startswith("replica_")]
DATABASE_ROUTERS = ["core.routers.PrimaryReplicaRouter"]

# The admin's address; moving it off /admin/ spares it most scripted guessing.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ImproperlyConfigured(
        f"ADMIN_URL must look like 'office/', not {ADMIN_URL!r}."
    )

# The proxies (addresses or networks) whose X-Real-IP / X-Forwarded-For header names
# the visitor: nginx on this machine. A request from any other address is its own
# visitor, whatever headers it sends (core/middleware.py, client_ip).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
try:
    for _proxy in TRUSTED_PROXIES:
        ipaddress.ip_network(_proxy, strict=False)
except ValueError as _error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_error}") from None

# Headers on every answer. HSTS goes out on HTTPS only, so it is safe to set here.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000)  # two years
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = dict.fromkeys(
    (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    ),
    (),
)
# No inline script anywhere: a page that needs one uses {{ request.csp_nonce }}.
# Inline styles stay allowed for Bootstrap's progress bars and the API docs' page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # NONCE adds this response's nonce, only when a template used it.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        "https://" + os.environ["AWS_S3_CUSTOM_DOMAIN"]
    )

CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Only staff and councillors have sessions: they end after a working day, or on close.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# django-axes: five wrong passwords for one account from one address lock that pair out
# for an hour; the backend must come first, and a correct login clears the count.
AUTHENTICATION_BACKENDS = [
    "core.auth.RequestAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.middleware.client_ip"
# Cut to the length axes stores (core/auth.py): a 10 KB username is no 500.
AXES_USERNAME_CALLABLE = "core.auth.attempt_username"
AXES_VERBOSE = False
# A locked-out login gets the portal's own page, in the visitor's language.
AXES_LOCKOUT_TEMPLATE = "429.html"

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

# --- Citizens' proposals and e-mail --------------------------------------------------

# Proposals one address may send in an hour; the next one is refused with a 429.
PROPOSAL_RATE_LIMIT = env_int("PROPOSAL_RATE_LIMIT", 5)
# A form sent sooner than this after it was shown was not filled in by a person.
PROPOSAL_MIN_FILL_SECONDS = env_int("PROPOSAL_MIN_FILL_SECONDS", 3)
# Who is told by e-mail that a proposal arrived (comma-separated).
PROPOSAL_NOTIFY_EMAILS = env_list("PROPOSAL_NOTIFY_EMAILS")
if PROPOSAL_RATE_LIMIT < 1 or any("@" not in a for a in PROPOSAL_NOTIFY_EMAILS):
    raise ImproperlyConfigured(
        "PROPOSAL_RATE_LIMIT must be at least 1 and PROPOSAL_NOTIFY_EMAILS a "
        "comma-separated list of e-mail addresses."
    )
# Law 09-08: a submitter's name, contact and address are erased this many days after
# the proposal arrived (manage.py erase_personal_data, run daily); the text stays.
PERSONAL_DATA_RETENTION_DAYS = env_int("PERSONAL_DATA_RETENTION_DAYS", 365)
# The CNDP's number for the declaration of this processing; the privacy page shows it.
CNDP_DECLARATION_NUMBER = os.environ.get("CNDP_DECLARATION_NUMBER", "")
# Where citizens write to see, correct or erase what is kept about them.
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")
# E-mails link back to the site, and no request is at hand when they are sent.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Off in production: an e-mail to a citizen never links to this machine.
EMAIL_LINKS_MAY_BE_LOCAL = True

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# SMTP when a server is named; otherwise e-mails are written to the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# --- Openness as the law defines it (issue #15; README "The law, as settings") -------

# Organic law 113-14 on communes, art. 125: the bureau's reasoned refusal of a
# petition is notified within three months of its receipt (for a commune).
PETITION_DECISION_MONTHS = env_int("PETITION_DECISION_MONTHS", 3)
# Art. 123 as we read it: 100 signatures in a commune under 35,000 inhabitants, 200
# in the others, 400 in a commune with arrondissements. Kenitra (about 430,000
# inhabitants, no arrondissements) needs 200.
PETITION_MIN_SIGNATURES = env_int("PETITION_MIN_SIGNATURES", 200)
# Art. 124 (associations): legally constituted for more than three years.
PETITION_ASSOCIATION_MIN_YEARS = env_int("PETITION_ASSOCIATION_MIN_YEARS", 3)
# The national portal where petitions are filed online and their agent follows them.
PETITION_PORTAL_URL = os.environ.get(
    "PETITION_PORTAL_URL", "https://www.eparticipation.ma/"
)
# Law 31-13 on access to information: requests are filed on the national portal.
ACCESS_TO_INFORMATION_PORTAL_URL = os.environ.get(
    "ACCESS_TO_INFORMATION_PORTAL_URL", "https://www.chafafiya.ma/"
)
# The equality, equal-opportunities and gender commission (113-14 art. 120): the
# organization whose meetings the attendance-by-gender page lists.
EQUALITY_COMMISSION_SLUG = os.environ.get(
    "EQUALITY_COMMISSION_SLUG", "equality-commission"
)
if PETITION_DECISION_MONTHS < 1 or PETITION_MIN_SIGNATURES < 1:
    raise ImproperlyConfigured(
        "PETITION_DECISION_MONTHS and PETITION_MIN_SIGNATURES must be at least 1."
    )
