"""API endpoints of the program: programs, axes, goals and projects."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from core.api import PortalViewSet, StaffWritableViewSet
from core.datasets import Dataset
from core.filters import PortalFilterSet

from .models import Axis, Goal, Program, Project, ProjectStatus, ProjectUpdate
from .serializers import (
    AxisSerializer,
    GoalSerializer,
    ProgramSerializer,
    ProjectSerializer,
)


def published_axes():
    return Axis.objects.published().order_by("number")


class ProgramFilterSet(PortalFilterSet):
    class Meta:
        model = Program
        fields = ("slug",)


class AxisFilterSet(PortalFilterSet):
    class Meta:
        model = Axis
        fields = ("slug", "program")


class GoalFilterSet(PortalFilterSet):
    class Meta:
        model = Goal
        fields = ("axis", "project")


class ProjectFilterSet(PortalFilterSet):
    status = filters.MultipleChoiceFilter(choices=ProjectStatus.choices)
    start_date = filters.DateFromToRangeFilter()
    end_date = filters.DateFromToRangeFilter()

    class Meta:
        model = Project
        fields = ("slug", "axis")


@extend_schema_view(
    list=extend_schema(summary="List the program's action plans"),
    retrieve=extend_schema(summary="One action plan with its axes"),
)
class ProgramViewSet(PortalViewSet):
    """The openness program's action plans (a later plan is a new program)."""

    model = Program
    serializer_class = ProgramSerializer
    filterset_class = ProgramFilterSet
    ordering_fields = ("id", "start_date", "end_date", "updated_at")

    def with_related(self, queryset):
        return queryset.prefetch_related(Prefetch("axes", queryset=published_axes()))


AXES_IN_FRENCH = OpenApiExample(
    "The first axis, in French",
    response_only=True,
    value={
        "count": 4,
        "next": None,
        "previous": None,
        "results": [
            {
                "id": 1,
                "slug": "digitalisation-communal-services",
                "number": 1,
                "title": "Digitalisation et qualité des services communaux",
                "description": "رقمنة الخدمات الجماعية وتحسين جودتها",
                "goals_intro": "",
                "icon": "",
                "cover": None,
                "program": {
                    "id": 1,
                    "slug": "kenitra-openness-program",
                    "title": "Programme d'ouverture de la Commune de Kénitra",
                    "url": "https://kenitra.example/fr/",
                    "_fallback": {},
                },
                "goals": [],
                "project_count": 1,
                "average_progress": 0.0,
                "url": "https://kenitra.example/fr/axes/digitalisation-communal-services/",
                "created_at": "2024-05-15T09:00:00+01:00",
                "updated_at": "2024-05-15T09:00:00+01:00",
                "published_at": "2024-05-15T09:00:00+01:00",
                "_fallback": {"description": "ar"},
            }
        ],
    },
)


@extend_schema_view(
    list=extend_schema(
        summary="List the priority axes, with their goals",
        description="For example `GET /api/v1/axes/?lang=fr`: the four axes in "
        "French; a description not yet translated comes in Arabic and is named in "
        "`_fallback`.",
        examples=[AXES_IN_FRENCH],
    ),
    retrieve=extend_schema(summary="One axis, with its goals and project counts"),
)
class AxisViewSet(PortalViewSet):
    """The program's priority axes, with their goals and published project counts."""

    model = Axis
    serializer_class = AxisSerializer
    filterset_class = AxisFilterSet
    ordering_fields = ("id", "number", "updated_at")

    def with_related(self, queryset):
        return (
            queryset.with_project_stats()
            .select_related("program")
            .prefetch_related(
                Prefetch(
                    "goals", queryset=Goal.objects.published().select_related("project")
                )
            )
        )


@extend_schema_view(
    list=extend_schema(summary="List the goals of every published axis"),
    retrieve=extend_schema(summary="One goal"),
)
class GoalViewSet(PortalViewSet):
    """Goals belong to an axis and sometimes to one of its projects."""

    model = Goal
    serializer_class = GoalSerializer
    filterset_class = GoalFilterSet
    ordering_fields = ("id", "order", "updated_at")

    def get_queryset(self):
        # A goal has no state of its own: it is public where its axis and its
        # project (when it has one) are.
        return Goal.objects.published().select_related("axis", "project")


@extend_schema_view(
    list=extend_schema(summary="List projects"),
    retrieve=extend_schema(summary="One project with its milestones and updates"),
    create=extend_schema(summary="Create a project (staff token)"),
    update=extend_schema(summary="Replace a project (staff token)"),
    partial_update=extend_schema(summary="Change some fields of a project"),
)
class ProjectViewSet(StaffWritableViewSet):
    """The program's projects, with goals, milestones, published updates, images."""

    model = Project
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilterSet
    ordering_fields = (
        "id",
        "progress",
        "start_date",
        "end_date",
        "budget",
        "created_at",
        "updated_at",
    )

    def with_related(self, queryset):
        return queryset.select_related("axis").prefetch_related(
            Prefetch(
                "goals",
                queryset=Goal.objects.published().select_related("axis", "project"),
            ),
            "milestones",
            Prefetch("updates", queryset=ProjectUpdate.objects.published()),
            "images",
        )


ROUTES = [
    ("programs", ProgramViewSet, "program"),
    ("axes", AxisViewSet, "axis"),
    ("goals", GoalViewSet, "goal"),
    ("projects", ProjectViewSet, "project"),
]
DATASETS = [
    Dataset.of_viewset(
        "projects",
        _("Projects"),
        _("Every project of the program: axis, status, progress, dates, budget."),
        ProjectViewSet,
        order=10,
    ),
]
