from django.db.models import Prefetch
from django.views.generic import DetailView, TemplateView

from .models import Axis, Program, Project


class HomeView(TemplateView):
    template_name = "projects/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published_projects = Project.objects.published().select_related("axis")
        context["program"] = Program.objects.published().first()
        context["axes"] = (
            Axis.objects.published()
            .with_project_stats()
            .prefetch_related(Prefetch("projects", queryset=published_projects))
        )
        return context


class AxisDetailView(DetailView):
    template_name = "projects/axis_detail.html"

    def get_queryset(self):
        return Axis.objects.published().prefetch_related(
            "goals",
            Prefetch("projects", queryset=Project.objects.published()),
        )


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return (
            Project.objects.published()
            .select_related("axis")
            .prefetch_related("goals", "milestones", "images")
        )
