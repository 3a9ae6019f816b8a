"""Request ids, the Permissions-Policy header and the anonymous page cache."""

import hashlib
import logging
import re
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

from . import routers
from .logging import request_id_var

logger = logging.getLogger("kenitra_portal.request")

# An id from the proxy is kept only if it cannot smuggle anything into a log line.
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def client_ip(request):
    """The visitor's address; behind our proxy it is in X-Real-IP, set by nginx."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")


class RequestIdMiddleware:
    """Gives every request an id, logs its outcome, and returns the id as a header."""

    header = "X-Request-ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(self.header, "")
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[self.header] = request_id
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "client_ip": client_ip(request),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class PermissionsPolicyMiddleware:
    """Django has no setting for this header yet; the policy is in settings."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault(
                "Permissions-Policy",
                ", ".join(
                    f"{feature}=({' '.join(allow)})"
                    for feature, allow in settings.PERMISSIONS_POLICY.items()
                ),
            )
        return response


# Bumped on every content change; a page stored under an older version is a miss.
VERSION_KEY = "pagecache:version"
# This process's last reading of the shared version, and when it was read.
_version = {"value": None, "read_at": float("-inf")}


def current_version():
    now = time.monotonic()
    if (now - _version["read_at"]) * 1000 >= settings.PAGE_CACHE_VERSION_MAX_AGE_MS:
        _version.update(value=caches["default"].get(VERSION_KEY), read_at=now)
    return _version["value"]


def bump_page_cache_version():
    """Make every cached page stale, in this worker at once and in the others soon."""
    cache = caches["default"]
    try:
        value = cache.incr(VERSION_KEY)
    except ValueError:
        # First change since the cache started: any new value differs from "none".
        value = time.time_ns()
        cache.set(VERSION_KEY, value, timeout=None)
    _version.update(value=value, read_at=time.monotonic())


def is_anonymous_read(request):
    # Looking at cookies, not request.user, keeps a cache hit free of session reads.
    # A token (API clients of the staff) may see drafts: never from or into the cache.
    return (
        request.method == "GET"
        and "HTTP_AUTHORIZATION" not in request.META
        and not any(
            name in request.COOKIES for name in settings.PAGE_CACHE_BYPASS_COOKIES
        )
    )


def _is_staff_write(request, response):
    return (
        settings.PAGE_CACHE_SECONDS
        and request.method not in ("GET", "HEAD", "OPTIONS", "TRACE")
        and settings.SESSION_COOKIE_NAME in request.COOKIES
        and response.status_code < 400
    )


class AnonymousPageCacheMiddleware:
    """Serves anonymous GETs from the cache, keyed by URL, language and Accept.

    Signed-in staff, token-bearing API clients, forms with a CSRF token, pages that
    set a cookie, used a CSP nonce or said `Cache-Control: private/no-store` are
    never stored.
    Every content save or delete bumps the version (see signals.py), so a
    published edit shows at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous_read(request):
            response = self.get_response(request)
            if _is_staff_write(request, response):
                # Bulk admin actions may use QuerySet.update(), which sends no signal.
                bump_page_cache_version()
            return response
        # Anonymous reads may go to a read replica, when one is configured.
        with routers.replica_reads():
            if not settings.PAGE_CACHE_SECONDS:
                return self.get_response(request)
            return self._cached(request)

    def _cached(self, request):
        cache = caches["pages"]
        key = self._key(request)
        version = current_version()
        stored = cache.get(key)
        if stored is not None and stored[0] == version:
            response = stored[1]
            # An API client polling with If-None-Match gets its 304 from here too.
            last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
            response = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=last_modified,
                response=response,
            )
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._storable(request, response):
            cache.set(key, (version, response), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _key(request):
        raw = "|".join(
            (
                request.get_host(),
                request.get_full_path(),
                getattr(request, "LANGUAGE_CODE", ""),
                request.headers.get("Accept", ""),
            )
        )
        return "page:" + hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def _storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False  # a cookie for this visitor is about to be set
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page carries this visitor's CSRF token
        if getattr(request, "_csp_nonce", None):
            return False  # the nonce in the page would not match the next header
        cache_control = {
            part.split("=")[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        # "no-cache" asks browsers to revalidate; this cache is emptied on every
        # change, so what it serves is always current.
        return not cache_control & {"private", "no-store"}
