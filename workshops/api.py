"""API endpoints of workshops and published proposals."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api import PortalViewSet, StaffWritableViewSet
from core.datasets import Dataset
from core.filters import PortalFilterSet, SlugFilter
from projects.models import Project

from .models import Proposal, ProposalSource, ProposalStatus, Workshop
from .serializers import ProposalSerializer, WorkshopSerializer


class WorkshopFilterSet(PortalFilterSet):
    class Meta:
        model = Workshop
        fields = ("slug", "axis", "meeting")


class ProposalFilterSet(PortalFilterSet):
    reference = SlugFilter()
    status = filters.MultipleChoiceFilter(choices=ProposalStatus.choices)
    source = filters.ChoiceFilter(choices=ProposalSource.choices)
    created = filters.DateFromToRangeFilter(
        field_name="created_at",
        label="Proposals received within these dates (created_after, created_before).",
    )

    class Meta:
        model = Proposal
        fields = ("axis", "workshop", "project")


@extend_schema_view(
    list=extend_schema(summary="List workshops"),
    retrieve=extend_schema(summary="One workshop"),
    create=extend_schema(summary="Create a workshop (staff token)"),
    update=extend_schema(summary="Replace a workshop (staff token)"),
    partial_update=extend_schema(summary="Change some fields of a workshop"),
)
class WorkshopViewSet(StaffWritableViewSet):
    """Workshops held at meetings, led by civil-society associations."""

    model = Workshop
    serializer_class = WorkshopSerializer
    filterset_class = WorkshopFilterSet
    ordering_fields = ("id", "order", "created_at", "updated_at")

    def with_related(self, queryset):
        return queryset.select_related("meeting", "axis").prefetch_related(
            "facilitators",
            Prefetch("projects", queryset=Project.objects.published()),
        )


@extend_schema_view(
    list=extend_schema(summary="List published proposals"),
    retrieve=extend_schema(summary="One published proposal and its answer"),
)
class ProposalViewSet(PortalViewSet):
    """Citizens' and workshops' proposals once published, with the commune's answer.

    Who sent a proposal is never published: no name, association, contact or
    address of a submitter is in any response.
    """

    model = Proposal
    serializer_class = ProposalSerializer
    filterset_class = ProposalFilterSet
    ordering_fields = ("id", "created_at", "updated_at", "answered_at")

    def get_queryset(self):
        # Staff moderate proposals in the admin; the API shows only published ones.
        return self.with_related(Proposal.objects.published())

    def with_related(self, queryset):
        return queryset.select_related(
            "axis", "workshop", "carried_by", "project", "merged_into"
        ).prefetch_related("status_changes")


ROUTES = [
    ("workshops", WorkshopViewSet, "workshop"),
    ("proposals", ProposalViewSet, "proposal"),
]
DATASETS = [
    Dataset.of_viewset(
        "workshops",
        _("Workshops"),
        _("Workshops held at the meetings, their axis and outcomes."),
        WorkshopViewSet,
        order=30,
    ),
    Dataset.of_viewset(
        "proposals",
        _("Proposals"),
        _("Published proposals, their status and the commune's answer."),
        ProposalViewSet,
        order=40,
    ),
]
