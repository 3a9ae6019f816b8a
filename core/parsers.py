"""The API's JSON parser: bounded in size and depth, its strings cleaned on the way in."""

import json

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.parsers import JSONParser

from .textclean import clean_data

# No record the API writes nests deeper than a few levels; anything deeper is not a
# client of ours, and a deep enough document would exhaust Python's stack.
MAX_JSON_DEPTH = 32


class RequestTooLarge(exceptions.APIException):
    status_code = 413
    default_detail = _("The request body is too large.")
    default_code = "too_large"


def _depth(data):
    """How deep containers nest in parsed JSON, counted without recursion."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return deepest


class CleanJSONParser(JSONParser):
    """JSON of at most DATA_UPLOAD_MAX_MEMORY_SIZE bytes and MAX_JSON_DEPTH levels.

    Django checks that size only when it reads the body itself; DRF reads the stream,
    so the limit is applied here. Every string is cleaned (core/textclean.py)
    before any validator or database query sees it.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        body = stream.read(limit + 1) if stream is not None else b""
        if limit is not None and len(body) > limit:
            raise RequestTooLarge(
                _("The request body is larger than %(limit)s bytes.") % {"limit": limit}
            )
        try:
            data = json.loads(body.decode(encoding), parse_constant=_no_constant)
        except RecursionError:
            raise self._too_deep() from None
        except (ValueError, UnicodeDecodeError) as error:
            raise exceptions.ParseError(
                _("JSON parse error: %(error)s") % {"error": error}
            ) from None
        if _depth(data) > MAX_JSON_DEPTH:
            raise self._too_deep()
        return clean_data(data)

    @staticmethod
    def _too_deep():
        return exceptions.ParseError(
            _("The JSON document nests more than %(depth)s levels deep.")
            % {"depth": MAX_JSON_DEPTH}
        )


def _no_constant(name):
    # NaN and Infinity are not JSON, and no field of ours can store them.
    raise ValueError(f"{name} is not valid JSON")
