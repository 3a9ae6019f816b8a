"""The OpenAPI description of the public API: its language parameter, the view that
serves it, and the postprocessing hook that adds the statuses every endpoint shares
(named in settings SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""

from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView

from .serializers import ALL_LANGUAGES, LANGUAGES


def _any_case(word):
    return "".join(f"[{letter.lower()}{letter.upper()}]" for letter in word)


LANGUAGE_PARAMETER = OpenApiParameter(
    "lang",
    str,
    # Any case (`FR` is `fr`): a pattern, since an enum would refuse `FR`.
    pattern=f"^({'|'.join(_any_case(code) for code in (*LANGUAGES, ALL_LANGUAGES))})$",
    description=(
        f"Language of translated fields: {', '.join(LANGUAGES)} or `{ALL_LANGUAGES}`, "
        "in any case. Without it, the `Accept-Language` header "
        "decides, then Arabic. A value missing in that language is given in Arabic "
        "and named in the object's `_fallback`. `all` returns every translated "
        "field as `{" + ", ".join(f'"{code}": …' for code in LANGUAGES) + "}`."
    ),
)


class SchemaView(SpectacularAPIView):
    """The OpenAPI document, always in English whatever the visitor's language."""

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        with translation.override("en"):
            return super().get(request, *args, **kwargs)


def document_common_responses(result, generator, request, public):
    """Postprocessing hook: the statuses that any endpoint may answer."""
    error = {
        "description": "",
        "content": {
            "application/json": {
                "schema": {"type": "object", "additionalProperties": True}
            }
        },
    }
    common = {
        "400": "Invalid parameter: the body names the parameter and what is allowed.",
        "404": "No such object, or a page number past the last page.",
        "429": "Too many requests from this address; see the Retry-After header.",
    }
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            responses = operation.setdefault("responses", {})
            if method == "get":
                # Reading needs no token: anonymous access is an alternative.
                security = operation.setdefault("security", [])
                if {} not in security:
                    security.append({})
                responses.setdefault(
                    "304", {"description": "Not modified since the given ETag or date."}
                )
            else:
                common_write = {
                    "401": "No valid token (`Authorization: Token …`).",
                    "403": "The token's user may not make this change.",
                    "409": "The `version` sent is not the stored one: someone saved "
                    "the record since it was read.",
                }
                for status, text in common_write.items():
                    responses.setdefault(status, {**error, "description": text})
            for status, text in common.items():
                responses.setdefault(status, {**error, "description": text})
            for parameter in operation.get("parameters", []):
                _forbid_nul(parameter.get("schema", {}))
    return result


# RefuseNulMiddleware answers 400 to any parameter holding NUL; the schema says so,
# so that a client (or a generator of test requests) knows the value is not valid.
NO_NUL_PATTERN = "^[^\\x00]*$"


def _forbid_nul(schema):
    if schema.get("type") == "array":
        _forbid_nul(schema.get("items", {}))
    elif schema.get("type") == "string" and not (
        {"pattern", "enum", "format"} & schema.keys()
    ):
        schema["pattern"] = NO_NUL_PATTERN
