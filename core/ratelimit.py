"""Fixed-window rate limits that hold with several workers, with or without Redis.

`hit()` counts one request and returns the window's count, atomically: in Redis
(INCR) when the workers share one, and in the database (an UPDATE … count + 1,
which locks the row until the transaction ends) whenever Redis does not answer. A
limit therefore never switches off because Redis is down, and twenty requests
released at once cannot all read "four so far".

Without Redis configured at all, a `durable` limit (proposals: rare, and worth a
database write) still counts in the database, which every worker sees; a
per-request limit (the API's) counts in the process's own memory, as one process
(development, tests) needs: several workers without Redis each count their own.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import RateCounter

logger = logging.getLogger(__name__)


def _key(scope, ident, window_seconds):
    window = int(time.time() // window_seconds)
    # Neither store ever holds the address itself, only a keyed hash of it.
    digest = salted_hmac("core.ratelimit", f"{scope}:{ident or ''}").hexdigest()[:40]
    return f"rate:{scope}:{window_seconds}:{window}:{digest}"


def seconds_left(window_seconds):
    """Until the current window ends and every count starts again."""
    return int(window_seconds - time.time() % window_seconds) + 1


def _hit_in_cache(cache, key, window_seconds):
    cache.add(key, 0, timeout=window_seconds + 1)
    try:
        return cache.incr(key)
    except ValueError:
        # The window ran out between add() and incr().
        cache.set(key, 1, timeout=window_seconds + 1)
        return 1


def _hit_in_database(key, window_seconds):
    rows = RateCounter.objects.filter(key=key)
    with transaction.atomic():
        if not rows.update(count=F("count") + 1):
            now = timezone.now()
            try:
                with transaction.atomic():
                    RateCounter.objects.create(
                        key=key,
                        count=1,
                        expires_at=now + timedelta(seconds=window_seconds + 1),
                    )
                    # The first hit of a window sweeps away the ended ones.
                    RateCounter.objects.filter(expires_at__lt=now).delete()
                return 1
            except IntegrityError:
                # Another worker created it a moment ago.
                rows.update(count=F("count") + 1)
        return rows.values_list("count", flat=True).get()


def hit(scope, ident, window_seconds, durable=False):
    """Count one request of `ident` under `scope`; the count in this window."""
    key = _key(scope, ident, window_seconds)
    if settings.SHARED_CACHE:
        try:
            return _hit_in_cache(caches["shared"], key, window_seconds)
        except Exception:
            logger.warning("Redis did not answer; counting %s in the database", scope)
    elif not durable:
        return _hit_in_cache(caches["default"], key, window_seconds)
    return _hit_in_database(key, window_seconds)


def count(scope, ident, window_seconds, durable=False):
    """The count so far in this window, without adding to it."""
    key = _key(scope, ident, window_seconds)
    if settings.SHARED_CACHE:
        try:
            return caches["shared"].get(key) or 0
        except Exception:
            logger.warning("Redis did not answer; reading %s from the database", scope)
    elif not durable:
        return caches["default"].get(key) or 0
    return (
        RateCounter.objects.filter(key=key).values_list("count", flat=True).first() or 0
    )
