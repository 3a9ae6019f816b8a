"""API endpoint of what the commune publishes proactively (law 31-13, art. 10)."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view

from core.api import PortalViewSet
from core.datasets import Dataset
from core.filters import PortalFilterSet

from .models import Category, ProactiveItem
from .serializers import ProactiveItemSerializer


class ProactiveItemFilterSet(PortalFilterSet):
    category = filters.MultipleChoiceFilter(choices=Category.choices)

    class Meta:
        model = ProactiveItem
        fields = ()


@extend_schema_view(
    list=extend_schema(
        summary="List what the commune publishes for each category of law 31-13 art. 10"
    ),
    retrieve=extend_schema(summary="One proactively published item"),
)
class ProactiveItemViewSet(PortalViewSet):
    """Each item the commune publishes without being asked, by the category of
    law 31-13, art. 10 it answers. A category with no item is not yet published."""

    model = ProactiveItem
    serializer_class = ProactiveItemSerializer
    filterset_class = ProactiveItemFilterSet
    ordering_fields = ("id", "date", "updated_at")


ROUTES = [("published-information", ProactiveItemViewSet, "proactiveitem")]
DATASETS = [
    Dataset.of_viewset(
        "published-information",
        _("Information published proactively"),
        _(
            "What the commune publishes for each category of law 31-13 on "
            "access to information, art. 10, with its date and address."
        ),
        ProactiveItemViewSet,
        order=70,
    ),
]
