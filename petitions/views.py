from django.views.generic import DetailView, ListView, TemplateView

from . import law
from .models import BureauDecision, Petition


def register_rows():
    """Published petitions with everything the register shows, in a fixed number
    of queries whatever their count."""
    return Petition.objects.published().select_related(
        "association", "commission", "agenda_item__meeting"
    )


class PetitionListView(ListView):
    template_name = "petitions/petition_list.html"
    context_object_name = "petitions"
    paginate_by = 30

    def get_queryset(self):
        rows = register_rows()
        decision = self.request.GET.get("decision")
        if decision in BureauDecision.values:
            rows = rows.filter(bureau_decision=decision)
        return rows

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            counts=list(Petition.objects.published().counts_by_year()),
            decisions=BureauDecision.choices,
            chosen_decision=self.request.GET.get("decision", ""),
            **kwargs,
        )


class PetitionDetailView(DetailView):
    template_name = "petitions/petition_detail.html"
    context_object_name = "petition"

    def get_queryset(self):
        return register_rows()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            decision_months=law.conditions()["decision_months"],
            **kwargs,
        )


class HowToFileView(TemplateView):
    """How to petition the Kenitra council, in plain words (113-14 art. 121–125)."""

    template_name = "petitions/how_to_file.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**law.conditions(), **kwargs)
