from django.views.generic import DetailView

from .models import Proposal, Workshop


class WorkshopDetailView(DetailView):
    template_name = "workshops/workshop_detail.html"

    def get_queryset(self):
        return (
            Workshop.objects.published()
            .select_related("meeting", "axis")
            .prefetch_related("facilitators")
        )


class ProposalDetailView(DetailView):
    template_name = "workshops/proposal_detail.html"

    def get_queryset(self):
        return Proposal.objects.published().select_related(
            "axis", "project", "workshop"
        )
