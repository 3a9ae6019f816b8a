"""What every endpoint of the public API shares.

Each app's `api.py` holds its viewsets and filter sets (kenitra_portal/api.py mounts
them); this module holds the
language negotiation, pagination, search, ordering, throttling, the write rights and
the conditional GET (ETag / Last-Modified) they all use. The answer to an editor's
change kept for review is in core/api_revisions.py, the OpenAPI document's own pieces
in core/api_schema.py.
"""

import copy

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.openapi import AutoSchema
from rest_framework import (
    exceptions,
    mixins,
    permissions,
    viewsets,
)
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from . import admin_revisions, publishing, ratelimit, revisions
from .api_revisions import (
    REVISION_KEPT_RESPONSE,
    REVISION_LOCATION,
    revision_kept_response,
)
from .api_schema import LANGUAGE_PARAMETER
from .filters import AllowListOrderingFilter, NormalisedSearchFilter
from .middleware import client_ip
from .paginator import KeysFirstPaginator
from .publishing import DRAFT
from .serializers import ALL_LANGUAGES, FALLBACK_LANGUAGE, LANGUAGES


def request_language(request):
    """`?lang=` in any case, else the language Django negotiated (cookie, Accept-Language)."""
    lang = request.query_params.get("lang")
    if lang is not None:
        lang = lang.lower()
    if lang is None:
        negotiated = getattr(request, "LANGUAGE_CODE", None) or FALLBACK_LANGUAGE
        return translation.get_supported_language_variant(negotiated)
    if lang not in (*LANGUAGES, ALL_LANGUAGES):
        raise exceptions.ValidationError(
            {
                "lang": [
                    _("Use one of: %(choices)s.")
                    % {"choices": ", ".join((*LANGUAGES, ALL_LANGUAGES))}
                ]
            }
        )
    return lang


class PortalPagination(PageNumberPagination):
    django_paginator_class = KeysFirstPaginator
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(
                    minimum=1, maximum=self.max_page_size, default=self.page_size
                )
                parameter["description"] = (
                    f"Results per page, {self.page_size} by default; values above "
                    f"{self.max_page_size} are lowered to {self.max_page_size}."
                )
        return parameters


class AnonymousThrottle(AnonRateThrottle):
    """Requests per client address, counted atomically in Redis or the database.

    DRF's own throttle keeps a list in the cache, read and written back without a
    lock, and believes an empty answer while Redis is down: the limit would let
    parallel requests through, and switch off with Redis. core/ratelimit.py does
    neither. The rate is read at each request, so a setting change applies at once.
    """

    def get_ident(self, request):
        # The same client address as the logs and login throttling use.
        return client_ip(request)

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or None

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        if self.rate is None or request.user.is_authenticated:
            return True
        used = ratelimit.hit("api", self.get_ident(request), self.duration)
        return used <= self.num_requests

    def wait(self):
        return ratelimit.seconds_left(self.duration)


class ReadOrStaffWrite(permissions.DjangoModelPermissions):
    """Anyone reads; writing takes the same model permission as in the admin."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().has_permission(request, view)


def check_publication_rights(user, instance, validated_data):
    """The publishing rules, as in the admin (core/publishing.py)."""
    current = None if instance is None else instance.publication_status
    status = validated_data.get("publication_status", current or DRAFT)
    try:
        publishing.check_move(
            user,
            instance,
            status,
            current=current,
            note=validated_data.get(
                "review_note", getattr(instance, "review_note", "")
            ),
        )
    except DjangoPermissionDenied as error:
        raise exceptions.PermissionDenied(str(error)) from None
    except DjangoValidationError as error:
        raise exceptions.ValidationError(error.message_dict) from None
    return current, status


class PortalAutoSchema(AutoSchema):
    """Adds the language parameter to every operation, and to changes of staff-
    writable records the answer that says an editor's change waits for review."""

    def holds_revisions(self):
        return self.method in ("PUT", "PATCH") and isinstance(
            self.view, StaffWritableViewSet
        )

    def get_override_parameters(self):
        parameters = [*super().get_override_parameters(), LANGUAGE_PARAMETER]
        if self.holds_revisions():
            parameters.append(REVISION_LOCATION)
        return parameters

    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        if self.holds_revisions() and not isinstance(serializer, dict):
            return {200: serializer, 202: REVISION_KEPT_RESPONSE}
        return serializer


class PortalViewSet(viewsets.ReadOnlyModelViewSet):
    """Published rows for everyone; staff with the model's permission see drafts."""

    model = None
    pagination_class = PortalPagination
    filter_backends = (
        filters.DjangoFilterBackend,
        NormalisedSearchFilter,
        AllowListOrderingFilter,
    )
    permission_classes = (ReadOrStaffWrite,)
    throttle_classes = (AnonymousThrottle,)
    schema = PortalAutoSchema()

    def with_related(self, queryset):
        """Each viewset's select_related / prefetch_related, so lists stay flat."""
        return queryset

    def get_queryset(self):
        user = self.request.user
        opts = self.model._meta
        staff = user.is_authenticated and user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )
        if staff or not hasattr(self.model.objects, "published"):
            rows = self.model.objects.all()
        else:
            rows = self.model.objects.published()
        return self.with_related(rows)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.lang = request_language(request)
        # Links and messages follow the requested language; Arabic for `all`.
        translation.activate(
            FALLBACK_LANGUAGE if self.lang == ALL_LANGUAGES else self.lang
        )

    def dispatch(self, request, *args, **kwargs):
        with translation.override(translation.get_language()):
            return super().dispatch(request, *args, **kwargs)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["lang"] = getattr(self, "lang", FALLBACK_LANGUAGE)
        return context

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ("Accept", "Accept-Language", "Authorization"))
        # Clients revalidate with the ETag; the anonymous page cache stores
        # nothing marked no-cache, so a 304 is always decided here.
        response["Cache-Control"] = (
            "private, no-cache" if request.user.is_authenticated else "no-cache"
        )
        lang = getattr(self, "lang", None)
        if lang in LANGUAGES:
            response["Content-Language"] = lang
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        return conditional_response(request, response)


class StaffWritableViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, PortalViewSet
):
    """Adds create and update for staff tokens; deleting stays in the admin.

    An editor's change to a published record is kept as a pending revision, as the
    admin keeps it (core/revisions.py), and answered 202 with where it waits.
    """

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        serializer = self.get_serializer(
            instance, data=request.data, partial=kwargs.pop("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        revision = self.perform_update(serializer)
        if revision is not None:
            return revision_kept_response(request, revision)
        # As DRF's own update: what .set() changed must not be read from a cache.
        if getattr(instance, "_prefetched_objects_cache", None):
            instance._prefetched_objects_cache = {}
        return Response(serializer.data)

    @transaction.atomic
    def perform_create(self, serializer):
        _current, status = check_publication_rights(
            self.request.user, None, serializer.validated_data
        )
        # The move into its first state is made by the publishing module, as in the
        # admin: its date, the history's reason and who made it, the signal.
        instance = serializer.Meta.model()
        many = serializer.apply(instance, serializer.validated_data)
        publishing.prepare(instance, status, by=self.request.user, previous=None)
        instance.save()
        for name, values in many.items():
            getattr(instance, name).set(values)
        serializer.instance = instance

    @transaction.atomic
    def perform_update(self, serializer):
        instance = serializer.instance
        current, status = check_publication_rights(
            self.request.user, instance, serializer.validated_data
        )
        # The admin's optimistic lock: a client that says which version it read is
        # refused if someone saved the record since, instead of overwriting them.
        sent = self.request.data.get("version")
        stored = (
            type(instance)
            .objects.select_for_update()
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .get()
        )
        if sent is not None and sent != stored:
            raise StaleVersion
        if revisions.holds_revision(self.request.user, instance):
            return self.keep_revision(serializer, base_version=stored)
        publishing.prepare(
            instance,
            status,
            by=self.request.user,
            previous=current,
            note=serializer.validated_data.get("review_note", instance.review_note),
        )
        serializer.save(
            last_edited_by=self.request.user,
            version=stored + 1,
            published_at=instance.published_at,
            review_note=instance.review_note,
        )
        return None

    def keep_revision(self, serializer, *, base_version):
        """The change, written onto a copy of the live record, kept as a revision."""
        changed = copy.copy(serializer.instance)
        many = serializer.apply(changed, serializer.validated_data)
        try:
            return admin_revisions.keep_change(
                self.request,
                serializer.instance,
                changed,
                serializer.model_field_names(serializer.validated_data),
                many=many,
                base_version=base_version,
            )
        except DjangoValidationError as error:
            raise exceptions.ValidationError(error.message_dict) from None


class StaleVersion(exceptions.APIException):
    status_code = 409
    default_detail = _(
        "Someone saved this record after you read it. Read it again, then send "
        "your change."
    )
    default_code = "stale_version"


def conditional_response(request, response):
    """ETag and Last-Modified as Django's conditional GET makes them; 304 if unchanged.

    Last-Modified is the newest `updated_at` of the records returned; If-None-Match,
    which changes with any byte of the response, takes precedence over it.
    """
    response.render()
    set_response_etag(response)
    last_modified = newest_update(response.data)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=response,
    )


def newest_update(data):
    records = data.get("results", [data]) if isinstance(data, dict) else []
    stamps = [
        parse_datetime(record["updated_at"])
        for record in records
        if isinstance(record, dict) and record.get("updated_at")
    ]
    return max(stamps, default=None)
