"""The filters every API list shares: the site's search, an ordering allow-list, and
the id, slug and date filters that answer bad values with a 400, never a 500."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions
from rest_framework.filters import BaseFilterBackend, OrderingFilter

from .models import SearchableModel
from .search import search_queryset


class NormalisedSearchFilter(BaseFilterBackend):
    """`?q=` with the site's own search, so the API finds what the search page finds."""

    param = "q"

    def filter_queryset(self, request, queryset, view):
        if not self._applies(view):
            return queryset
        # PostgreSQL refuses NUL in a query string; it is never part of a word.
        q = request.query_params.get(self.param, "").replace("\x00", "")
        return search_queryset(queryset, q)

    @staticmethod
    def _applies(view):
        model = getattr(view, "model", None)
        return model is not None and issubclass(model, SearchableModel)

    def get_schema_operation_parameters(self, view):
        if not self._applies(view):
            return []
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": (
                    "Words to find, in any language, as the site's search finds "
                    "them: Arabic spelling variants (every hamza seat and alef "
                    "form, ى/ي, ة/ه), diacritics, tatweel, French accents and case "
                    "are ignored, words are also found by their stem (plural, "
                    "feminine, article, a joined letter) and by their beginning; "
                    "every word must match."
                ),
                "schema": {"type": "string", "maxLength": 200},
            }
        ]


class AllowListOrderingFilter(OrderingFilter):
    """Orders only by the view's `ordering_fields`; anything else is a 400."""

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if not params:
            return self.get_default_ordering(view)
        allowed = self.get_valid_fields(queryset, view, {"request": request})
        allowed_names = {name for name, _label in allowed}
        terms = [term.strip() for term in params.split(",") if term.strip()]
        wrong = [term for term in terms if term.lstrip("-") not in allowed_names]
        if wrong or not terms:
            raise exceptions.ValidationError(
                {
                    self.ordering_param: [
                        _("Order by one of: %(fields)s (put - first to reverse).")
                        % {"fields": ", ".join(sorted(allowed_names))}
                    ]
                }
            )
        # The primary key breaks ties so that pages never overlap.
        return [*terms, "pk"]

    def get_schema_operation_parameters(self, view):
        names = [name for name, _label in self.get_valid_fields(None, view, {})]
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": (
                    "Sort order: one of the listed fields, `-` first for descending. "
                    "Several may be joined with commas."
                ),
                "schema": {
                    "type": "string",
                    "enum": [*names, *(f"-{name}" for name in names)],
                },
            }
        ]


# The largest id a 64-bit primary key can hold.
MAX_ID = 2**63 - 1


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(filters.NumberFilter):
    """Filters on a related object's id; an id of nothing finds nothing (no 400)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


@extend_schema_field({"type": "string", "pattern": r"^[-\w]+$", "maxLength": 255})
class SlugFilter(filters.CharFilter):
    """An exact slug (Arabic letters allowed) or reference."""

    field_class = forms.SlugField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_unicode", True)
        kwargs.setdefault("max_length", 255)
        super().__init__(*args, **kwargs)


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, sent to the database in UTC.

    PostgreSQL refuses offsets beyond ±15:59, which ISO 8601 allows. A time whose UTC
    falls outside the years 1 to 9999 (0001-01-01T00:00+03:00) is the first or last
    instant a date-time can hold: it is a valid date-time, and it selects the same
    rows.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            edge = datetime.datetime.min if value.year == 1 else datetime.datetime.max
            return edge.replace(tzinfo=datetime.UTC)


class UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class PortalFilterSet(filters.FilterSet):
    """Every list can be polled for what changed since a date."""

    FILTER_DEFAULTS = {
        **filters.FilterSet.FILTER_DEFAULTS,
        models.ForeignKey: {"filter_class": IdFilter},
        models.SlugField: {"filter_class": SlugFilter},
    }

    updated_since = UtcDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label="Only objects changed at or after this ISO 8601 date and time.",
    )
