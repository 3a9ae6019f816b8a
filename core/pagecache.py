"""The anonymous page cache: what it serves, and the one rule for what empties it.

Pages are kept in each worker's memory (a hit costs no network trip) under the
content version, a counter shared through the default cache (Redis). A change that a
visitor can see bumps the version: the worker that made it serves the new page at
once, the others within PAGE_CACHE_VERSION_MAX_AGE_MS. A change nobody outside the
staff can see (a draft saved, a proposal not yet published, its status row, a
history row, a login) leaves it as it is, so the cache survives citizens' activity.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

from . import routers
from .models import PublishableModel
from .permissions import content_models

logger = logging.getLogger(__name__)

# Bumped on every content change; a page stored under an older version is a miss.
VERSION_KEY = "pagecache:version"
# This process's last reading of the shared version, and when it was read; until
# when Redis is left alone after it failed to answer, and whether a change may have
# been missed by the others meanwhile.
_version = {
    "value": None,
    "read_at": float("-inf"),
    "down_until": float("-inf"),
    "missed": False,
}
# current_version() while the shared version cannot be read: serve nothing cached.
UNAVAILABLE = object()


def _shared():
    # Without Redis, one process: its own memory is the shared place.
    return caches["shared" if settings.SHARED_CACHE else "default"]


def _max_age():
    return settings.PAGE_CACHE_VERSION_MAX_AGE_MS / 1000


def _unreachable(now):
    """Fail closed: no page from or into the cache until Redis answers again.

    What this worker stored can no longer be told of a change, so it goes; and the
    first reading after the outage bumps the version, in case a change made
    meanwhile by another worker could not reach Redis either.
    """
    logger.warning("The page cache's version is unreachable; serving pages uncached")
    caches["pages"].clear()
    _version.update(down_until=now + _max_age(), missed=True)
    return UNAVAILABLE


def current_version():
    now = time.monotonic()
    if now < _version["down_until"]:
        return UNAVAILABLE
    if now - _version["read_at"] >= _max_age():
        try:
            if _version["missed"]:
                _version["missed"] = False
                return bump_page_cache_version()
            value = _shared().get(VERSION_KEY)
            if value is None:
                # Redis restarted or evicted it: a new value, never "none" again,
                # which pages stored before might match.
                _shared().add(VERSION_KEY, time.time_ns(), timeout=None)
                value = _shared().get(VERSION_KEY)
        except Exception:
            return _unreachable(now)
        _version.update(value=value, read_at=now)
    return _version["value"]


def bump_page_cache_version():
    """Make every cached page stale, in this worker at once and in the others soon."""
    now = time.monotonic()
    cache = _shared()
    try:
        try:
            value = cache.incr(VERSION_KEY)
        except ValueError:
            # First change since the cache started: any new value differs from "none".
            value = time.time_ns()
            cache.set(VERSION_KEY, value, timeout=None)
    except Exception:
        return _unreachable(now)
    _version.update(value=value, read_at=now)
    return value


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


class AnonymousPageCacheMiddleware:
    """Serves anonymous GETs from the cache, keyed by URL, language and Accept.

    Signed-in staff, token-bearing API clients, forms with a CSRF token, pages that
    set a cookie, used a CSP nonce or said `Cache-Control: private/no-store` are
    never stored.
    A change a visitor can see bumps the version (`is_public_change`), so a
    published edit shows at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous_read(request):
            return self.get_response(request)
        # Anonymous reads may go to a read replica, when one is configured.
        with routers.replica_reads():
            if not settings.PAGE_CACHE_SECONDS:
                return self.get_response(request)
            return self._cached(request)

    def _cached(self, request):
        cache = caches["pages"]
        key = self._key(request)
        version = current_version()
        if version is UNAVAILABLE:
            response = self.get_response(request)
            response["X-Page-Cache"] = "off"
            return response
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


def is_visible(instance):
    """Whether anonymous visitors can see `instance` (as it is in memory).

    A publishable row is visible once published; any other content row is visible
    when the publishable rows it belongs to are (a goal with its axis, a status row
    with its proposal), or always when it belongs to none (people, organizations).
    """
    if isinstance(instance, PublishableModel):
        return instance.is_published
    parents = [
        field
        for field in instance._meta.concrete_fields
        if field.is_relation
        and field.many_to_one
        and issubclass(field.related_model, PublishableModel)
    ]
    if not parents:
        return True
    for field in parents:
        try:
            parent = getattr(instance, field.name)
        except field.related_model.DoesNotExist:
            # Deleted with its parent: the parent's own deletion decides.
            continue
        if parent is not None and is_visible(parent):
            return True
    return False


def is_public_change(instance):
    """A save or delete that changes what visitors see: the row is or was public."""
    if type(instance) not in _content_models():
        return False
    was_public = isinstance(instance, PublishableModel) and instance.was_published
    return was_public or is_visible(instance)


def _content_models():
    if _registry["models"] is None:
        _registry["models"] = frozenset(content_models())
    return _registry["models"]


_registry = {"models": None}


def _row_changed(sender, instance, **kwargs):
    if is_public_change(instance):
        bump_page_cache_version()


def _relation_changed(sender, instance, action, **kwargs):
    # m2m_changed fires before and after; the "post_" action is the one that counts.
    if action.startswith("post_") and is_public_change(instance):
        bump_page_cache_version()


def connect():
    post_save.connect(_row_changed, dispatch_uid="core.pagecache.saved")
    post_delete.connect(_row_changed, dispatch_uid="core.pagecache.deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="core.pagecache.relations")
