import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.paginator import KeysFirstPaginator
from core.search import search_queryset

from .models import Axis, Goal, Project, ProjectStatus


class AxisDetailView(DetailView):
    template_name = "projects/axis_detail.html"

    def get_queryset(self):
        return Axis.objects.published().prefetch_related(
            Prefetch("goals", queryset=Goal.objects.published()),
            Prefetch(
                "projects",
                queryset=Project.objects.published()
                .select_related("axis")
                .prefetch_related("images"),
            ),
        )


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Keywords"), method="search")
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
    paginator_class = KeysFirstPaginator

    def get_queryset(self):
        return (
            Project.objects.published()
            .select_related("axis")
            .prefetch_related("images")
        )
