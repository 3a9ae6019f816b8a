"""API endpoints of meetings, organizations, people and their memberships."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api import PortalViewSet, StaffWritableViewSet
from core.datasets import Dataset
from core.filters import IdFilter, PortalFilterSet

from . import gender
from .models import (
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    Organization,
    OrganizationKind,
    Person,
    SessionType,
)
from .serializers import (
    MeetingSerializer,
    MembershipSerializer,
    OrganizationSerializer,
    PersonSerializer,
)


class OrganizationFilterSet(PortalFilterSet):
    kind = filters.MultipleChoiceFilter(choices=OrganizationKind.choices)

    class Meta:
        model = Organization
        fields = ("slug", "parent")


class PersonFilterSet(PortalFilterSet):
    organization = IdFilter(
        field_name="memberships__organization",
        distinct=True,
        label="Only members of the organization with this id.",
    )

    class Meta:
        model = Person
        fields = ("slug",)


class MembershipFilterSet(PortalFilterSet):
    class Meta:
        model = Membership
        fields = ("person", "organization")


class MeetingFilterSet(PortalFilterSet):
    kind = filters.MultipleChoiceFilter(choices=MeetingKind.choices)
    status = filters.MultipleChoiceFilter(choices=MeetingStatus.choices)
    session_type = filters.ChoiceFilter(choices=SessionType.choices)
    axis = IdFilter(
        field_name="axes",
        distinct=True,
        label="Only meetings that discussed this axis.",
    )
    start = filters.DateFromToRangeFilter(
        label="Meetings starting within these dates (start_after, start_before)."
    )

    class Meta:
        model = Meeting
        fields = ("slug", "parent", "organizer")


@extend_schema_view(
    list=extend_schema(summary="List organizations"),
    retrieve=extend_schema(summary="One organization"),
)
class OrganizationViewSet(PortalViewSet):
    """The commune and its bodies, administrations, associations and press outlets."""

    model = Organization
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilterSet
    ordering_fields = ("id", "updated_at")

    def with_related(self, queryset):
        return queryset.select_related("parent")


@extend_schema_view(
    list=extend_schema(summary="List people, with their roles"),
    retrieve=extend_schema(summary="One person, with their roles"),
)
class PersonViewSet(PortalViewSet):
    """Officials and representatives named in the portal's records (Popolo `Person`)."""

    model = Person
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet
    ordering_fields = ("id", "updated_at")

    def with_related(self, queryset):
        return queryset.prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("organization"),
            )
        )


@extend_schema_view(
    list=extend_schema(summary="List memberships (a person's role in a body)"),
    retrieve=extend_schema(summary="One membership"),
)
class MembershipViewSet(PortalViewSet):
    """A person's role in an organization over a period (Popolo `Membership`)."""

    model = Membership
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilterSet
    ordering_fields = ("id", "start_date", "end_date", "updated_at")

    def with_related(self, queryset):
        return queryset.select_related("person", "organization")


@extend_schema_view(
    list=extend_schema(summary="List meetings"),
    retrieve=extend_schema(
        summary="One meeting: agenda, participants, decisions, documents, press"
    ),
    create=extend_schema(summary="Create a meeting (staff token)"),
    update=extend_schema(summary="Replace a meeting (staff token)"),
    partial_update=extend_schema(summary="Change some fields of a meeting"),
)
class MeetingViewSet(StaffWritableViewSet):
    """Consultative meetings and sessions (Open Civic Data `Event`).

    Only public follow-up actions and public documents are listed; internal ones
    are for councillors, in the records area.
    """

    model = Meeting
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilterSet
    ordering_fields = ("id", "start", "created_at", "updated_at")

    def with_related(self, queryset):
        return queryset.with_public_record()


ROUTES = [
    ("meetings", MeetingViewSet, "meeting"),
    ("organizations", OrganizationViewSet, "organization"),
    ("people", PersonViewSet, "person"),
    ("memberships", MembershipViewSet, "membership"),
]
DATASETS = [
    Dataset.of_viewset(
        "meetings",
        _("Meetings"),
        _("Consultative meetings: date, venue, summary, agenda, participants."),
        MeetingViewSet,
        order=20,
    ),
    Dataset(
        "attendance-by-gender",
        _("Attendance by gender"),
        _(
            "Attendees and women among them, per year and per axis, from the "
            "published meetings (organic law 113-14, art. 120)."
        ),
        gender.GenderFiguresSerializer,
        gender.rows,
        order=50,
    ),
]
