"""The public API (Django REST framework) and its OpenAPI description."""

import os

from .i18n import LANGUAGES

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
        "in the admin). Editors create and change drafts; only publishers publish. "
        "An editor's change to a published record is kept for review: the answer "
        "is `202 Accepted`, with the pending revision's address in `Location`, and "
        "the record stays as published until a publisher approves it.\n\n"
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
        "core.api_schema.document_common_responses",
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
