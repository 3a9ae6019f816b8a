"""The pages that show several apps at once: home, a project, a meeting.

A project's page lists the meetings, workshops and proposals about it, a meeting's
page its workshops: they are composed here, above the apps, so that each app imports
only the ones below it.
"""

from django.db.models import Count, F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.views.generic import DetailView, TemplateView

from consultations.models import Meeting
from core.models import translated_columns
from petitions.models import Petition
from projects.models import (
    Axis,
    Goal,
    Program,
    Project,
    ProjectStatus,
    ProjectUpdate,
)
from workshops.models import Proposal, Workshop

HOME_MEETINGS = 3
# Projects shown under each axis; the axis page lists them all.
HOME_PROJECTS_PER_AXIS = 5
HOME_WORKSHOPS = 4


def status_chart(axes):
    """Published projects per axis and status, as bar segments, in one query."""
    counts = {}
    for row in (
        Project.objects.published()
        .values("axis_id", "status")
        .annotate(count=Count("*"))
        .order_by()
    ):
        counts[row["axis_id"], row["status"]] = row["count"]
    chart = []
    for axis in axes:
        total = sum(counts.get((axis.pk, status), 0) for status in ProjectStatus.values)
        segments = [
            {
                "status": status,
                "label": label,
                "count": counts[axis.pk, status],
                "percent": 100 * counts[axis.pk, status] / total,
            }
            for status, label in ProjectStatus.choices
            if counts.get((axis.pk, status))
        ]
        chart.append({"axis": axis, "total": total, "segments": segments})
    return chart


def first_projects(axes):
    """The first HOME_PROJECTS_PER_AXIS published projects of each of `axes`, in
    their order, in one query: the page weighs the same for 50 projects or 10,000.

    The numbering reads the index `project_published_in_order` alone, and its
    limit tells the planner how few rows it keeps, so that only those are read
    from the table.
    """
    numbered = (
        Project.objects.published()
        .filter(axis__in=axes)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("axis"),
                order_by=[F("order"), F("title"), F("id")],
            )
        )
        .filter(rank__lte=HOME_PROJECTS_PER_AXIS)
        .order_by()
        .values("pk")
    )
    return Project.objects.filter(
        pk__in=numbered[: HOME_PROJECTS_PER_AXIS * len(axes)]
    ).only("axis", "slug", *translated_columns("title"))


class HomeView(TemplateView):
    template_name = "projects/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        axes = list(
            Axis.objects.published()
            .with_project_stats()
            .with_goal_count()
            .defer(*translated_columns("description", "goals_intro"))
        )
        # Set by hand, not prefetched: a prefetch clones its query for every axis.
        shown = {}
        for project in first_projects(axes):
            shown.setdefault(project.axis_id, []).append(project)
        for axis in axes:
            axis.first_projects = shown.get(axis.pk, [])
        meetings = Meeting.objects.published().select_related("venue")
        chart = status_chart(axes)
        context.update(
            program=Program.objects.published().first(),
            axes=axes,
            project_total=sum(axis.project_count for axis in axes),
            goal_total=sum(axis.goal_count for axis in axes),
            meeting_total=meetings.count(),
            # One colour for every bar says nothing: the chart waits for a project
            # to move past "proposed".
            chart=chart
            if any(
                segment["status"] != ProjectStatus.PROPOSED
                for row in chart
                for segment in row["segments"]
            )
            else None,
            statuses=ProjectStatus.choices,
            upcoming_meetings=meetings.upcoming_or_undated()[:HOME_MEETINGS],
            past_meetings=meetings.past()[:HOME_MEETINGS],
            workshops=Workshop.objects.published()
            .select_related("axis", "meeting")
            .order_by("-meeting__start", "order")[:HOME_WORKSHOPS],
        )
        return context


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return (
            Project.objects.published()
            .select_related("axis")
            .prefetch_related(
                Prefetch("goals", queryset=Goal.objects.published()),
                "milestones",
                "images",
                Prefetch("updates", queryset=ProjectUpdate.objects.published()),
                Prefetch(
                    "meetings",
                    queryset=Meeting.objects.published().select_related("venue"),
                ),
                Prefetch(
                    "workshops",
                    queryset=Workshop.objects.published().select_related("meeting"),
                ),
                Prefetch("proposals", queryset=Proposal.objects.published()),
            )
        )


class MeetingDetailView(DetailView):
    template_name = "consultations/meeting_detail.html"

    def get_queryset(self):
        return (
            Meeting.objects.published()
            .with_public_record()
            .prefetch_related(
                Prefetch(
                    "agenda_items__petitions", queryset=Petition.objects.published()
                ),
                Prefetch(
                    "sessions",
                    queryset=Meeting.objects.published().select_related("venue"),
                ),
                Prefetch(
                    "workshops",
                    queryset=Workshop.objects.published().select_related("axis"),
                ),
            )
        )
