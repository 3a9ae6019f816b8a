from django.db.models import Count, Prefetch, Q
from django.views.generic import DetailView, ListView

from kenitra_portal.models import PublicationStatus
from projects.models import Project

from .models import Proposal, Workshop


class WorkshopListView(ListView):
    template_name = "workshops/workshop_list.html"
    paginate_by = 20

    def get_queryset(self):
        return (
            Workshop.objects.published()
            .select_related("meeting", "axis")
            .prefetch_related("facilitators")
            .annotate(
                proposal_count=Count(
                    "proposals",
                    filter=Q(proposals__publication_status=PublicationStatus.PUBLISHED),
                )
            )
            .order_by("-meeting__start", "meeting", "order", "title")
        )


class WorkshopDetailView(DetailView):
    template_name = "workshops/workshop_detail.html"

    def get_queryset(self):
        return (
            Workshop.objects.published()
            .select_related("meeting__venue", "axis")
            .prefetch_related(
                "facilitators",
                Prefetch("proposals", queryset=Proposal.objects.published()),
                Prefetch("projects", queryset=Project.objects.published()),
            )
        )


class ProposalDetailView(DetailView):
    template_name = "workshops/proposal_detail.html"

    def get_queryset(self):
        return Proposal.objects.published().select_related(
            "axis", "project", "workshop"
        )
