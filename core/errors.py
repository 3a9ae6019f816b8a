"""Error answers: JSON for the API, whatever went wrong and wherever; pages elsewhere."""

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger("django.request")

API_PREFIX = "/api/"


def _is_api(request):
    return request.path.startswith(API_PREFIX)


def _json(status, detail):
    return JsonResponse({"detail": str(detail)}, status=status)


def bad_request(request, exception):
    if _is_api(request):
        return _json(400, exception or _("Bad request."))
    # Django's default renders without the request: no language, no site header.
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    if _is_api(request):
        return _json(403, _("You may not do this."))
    return render(request, "403.html", status=403)


def page_not_found(request, exception):
    if _is_api(request):
        return _json(404, _("Not found."))
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return _json(500, _("A server error occurred."))
    return defaults.server_error(request)


def api_exception_handler(exc, context):
    """DRF's handler, and a JSON answer for what DRF would leave to Django's HTML."""
    # Imported here: DRF imports this module while its views module is loading.
    from rest_framework.views import exception_handler, set_rollback

    response = exception_handler(exc, context)
    if response is not None:
        return response
    request = context.get("request")
    if isinstance(exc, RequestDataTooBig):
        return _json(
            413,
            _("The request body is larger than %(limit)s bytes.")
            % {"limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE},
        )
    if isinstance(exc, SuspiciousOperation):
        # An oversized or malformed request, refused by Django itself.
        return _json(400, _("Bad request."))
    set_rollback()
    logger.error(
        "Internal Server Error: %s",
        getattr(request, "path", ""),
        exc_info=exc,
        extra={"status_code": 500, "request": getattr(request, "_request", None)},
    )
    return _json(500, _("A server error occurred."))
