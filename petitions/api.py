"""API endpoint of the register of petitions (read-only; staff enter them in the admin)."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api import PortalViewSet
from core.datasets import Dataset
from core.filters import PortalFilterSet

from .models import BureauDecision, Channel, FilerKind, Petition
from .serializers import PetitionSerializer


class PetitionFilterSet(PortalFilterSet):
    bureau_decision = filters.MultipleChoiceFilter(choices=BureauDecision.choices)
    channel = filters.ChoiceFilter(choices=Channel.choices)
    filer_kind = filters.ChoiceFilter(choices=FilerKind.choices)
    received = filters.DateFromToRangeFilter(
        field_name="received_on",
        label="Petitions received within these dates (received_after, received_before).",
    )

    class Meta:
        model = Petition
        fields = ("association", "commission")


@extend_schema_view(
    list=extend_schema(summary="List the petitions received by the council"),
    retrieve=extend_schema(
        summary="One petition: the bureau's decision, its deadline, the council's"
    ),
)
class PetitionViewSet(PortalViewSet):
    """The register of petitions (organic law 113-14, art. 121–125).

    Only the number of signatures is kept; the agent's name and contact are never
    in a response (law 09-08).
    """

    model = Petition
    serializer_class = PetitionSerializer
    filterset_class = PetitionFilterSet
    ordering_fields = ("id", "received_on", "decision_date", "updated_at")

    def with_related(self, queryset):
        return queryset.select_related(
            "association", "commission", "agenda_item__meeting"
        )


ROUTES = [("petitions", PetitionViewSet, "petition")]
DATASETS = [
    Dataset.of_viewset(
        "petitions",
        _("Petitions"),
        _(
            "The register of petitions to the council: date received, "
            "signatures, the bureau's decision and deadline, the council's "
            "decision. No personal data."
        ),
        PetitionViewSet,
        order=60,
    ),
]
