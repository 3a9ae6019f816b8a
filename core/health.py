"""`/healthz`: what a load balancer or a monitor asks before sending visitors here."""

import logging
import time
import uuid

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _timed(name, check):
    started = time.perf_counter()
    try:
        check()
    # Whatever went wrong, the answer is the same: not healthy, and why.
    except Exception as error:
        logger.exception("Health check failed: %s", name)
        outcome = {"ok": False, "error": f"{type(error).__name__}: {error}"}
    else:
        outcome = {"ok": True}
    outcome["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return outcome


def _database(alias):
    def check():
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()

    return check


def _cache():
    key = "healthz:" + uuid.uuid4().hex
    cache.set(key, "ok", timeout=5)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return what was just stored")
    cache.delete(key)


@never_cache
def healthz(request):
    checks = {
        f"database:{alias}": _timed(f"database:{alias}", _database(alias))
        for alias in connections
    }
    checks["cache"] = _timed("cache", _cache)
    healthy = all(check["ok"] for check in checks.values())
    if not request.user.is_staff:
        # An error's text names hosts, ports and users: it goes to the log and to
        # signed-in staff, not to whoever asks.
        for check in checks.values():
            check.pop("error", None)
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )
