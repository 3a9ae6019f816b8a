"""Request ids and the visitor's address."""

import ipaddress
import logging
import re
import time
import uuid
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from .logging import request_id_var

logger = logging.getLogger("kenitra_portal.request")

# An id from the proxy is kept only if it cannot smuggle anything into a log line.
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def _address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


@lru_cache(maxsize=4)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted_proxy(address):
    return any(
        address in network for network in _networks(tuple(settings.TRUSTED_PROXIES))
    )


def client_ip(request):
    """The visitor's address: the socket's, unless the socket is one of our proxies.

    Only a proxy listed in TRUSTED_PROXIES (nginx on this machine by default) may say
    whom it forwards for, in X-Real-IP or else X-Forwarded-For, whose right-most
    address that is not itself a proxy is the visitor (the ones to its left are
    whatever the visitor chose to send). A header from anyone else, or one that is
    not an address, is ignored: a forged value must not escape the login lockout or
    the rate limits, nor reach the database's `inet` column.
    """
    remote = _address(request.META.get("REMOTE_ADDR") or "")
    if remote is None or not _is_trusted_proxy(remote):
        return str(remote) if remote else None
    real = _address(request.META.get("HTTP_X_REAL_IP", ""))
    if real is not None:
        return str(real)
    hops = [
        _address(hop) for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    ]
    for hop in reversed(hops):
        if hop is None:
            break
        if not _is_trusted_proxy(hop):
            return str(hop)
    return str(remote)


class RefuseNulMiddleware:
    """A NUL byte is in no address or parameter of ours: 404 in the path, 400 after.

    PostgreSQL refuses NUL in any string, so a lookup with one would otherwise be a
    server error wherever a URL part or a parameter reaches a query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise Http404
        if any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest(_("A parameter holds a NUL character."))
        return self.get_response(request)


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
