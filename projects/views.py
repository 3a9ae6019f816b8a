import django_filters
from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from kenitra_portal.search import search_queryset

from .models import Axis, Program, Project, ProjectStatus, ProjectUpdate

HOME_MEETINGS = 3
HOME_WORKSHOPS = 4


def status_chart(axes):
    """Published projects per axis and status, as bar segments, in one query."""
    counts = {}
    for row in (
        Project.objects.published()
        .values("axis_id", "status")
        .annotate(count=Count("id"))
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


def published_related(model, relation):
    """Published rows of the model on the other side of `relation`.

    Meetings, workshops and proposals belong to apps built on this one; reaching their
    models through the reverse relations keeps the dependency pointing one way
    (projects ← consultations ← workshops) without this app importing them.
    """
    return model._meta.get_field(relation).related_model.objects.published()


class HomeView(TemplateView):
    template_name = "projects/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        axes = list(
            Axis.objects.published()
            .with_project_stats()
            .prefetch_related(
                Prefetch("projects", queryset=Project.objects.published())
            )
        )
        meetings = published_related(Axis, "meetings").select_related("venue")
        context.update(
            program=Program.objects.published().first(),
            axes=axes,
            chart=status_chart(axes),
            statuses=ProjectStatus.choices,
            upcoming_meetings=meetings.upcoming()[:HOME_MEETINGS],
            past_meetings=meetings.past()[:HOME_MEETINGS],
            workshops=published_related(Axis, "workshops")
            .select_related("axis", "meeting")
            .order_by("-meeting__start", "order")[:HOME_WORKSHOPS],
        )
        return context


class AxisDetailView(DetailView):
    template_name = "projects/axis_detail.html"

    def get_queryset(self):
        return Axis.objects.published().prefetch_related(
            "goals",
            Prefetch("projects", queryset=Project.objects.published()),
        )


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Words"), method="search")
    axis = django_filters.ModelChoiceFilter(
        label=_("Axis"),
        queryset=Axis.objects.published(),
        to_field_name="slug",
        empty_label=_("All axes"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ProjectStatus.choices, empty_label=_("All statuses")
    )

    class Meta:
        model = Project
        fields = ["q", "axis", "status"]

    def search(self, queryset, name, value):
        # The site search's own rule, so a word finds the same projects in both places.
        return search_queryset(queryset, value)


class ProjectListView(FilterView):
    template_name = "projects/project_list.html"
    filterset_class = ProjectFilter
    paginate_by = 12

    def get_queryset(self):
        return Project.objects.published().select_related("axis")


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return (
            Project.objects.published()
            .select_related("axis")
            .prefetch_related(
                "goals",
                "milestones",
                "images",
                Prefetch("updates", queryset=ProjectUpdate.objects.published()),
                Prefetch(
                    "meetings",
                    queryset=published_related(Project, "meetings").select_related(
                        "venue"
                    ),
                ),
                Prefetch(
                    "workshops",
                    queryset=published_related(Project, "workshops").select_related(
                        "meeting"
                    ),
                ),
                Prefetch("proposals", queryset=published_related(Project, "proposals")),
            )
        )
