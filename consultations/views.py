from django.db.models import Prefetch
from django.views.generic import DetailView

from .models import Document, Meeting, Participation


class MeetingDetailView(DetailView):
    template_name = "consultations/meeting_detail.html"

    def get_queryset(self):
        return (
            Meeting.objects.published()
            .select_related("venue", "parent")
            .prefetch_related(
                "agenda_items",
                Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related(
                        "person", "organization"
                    ),
                ),
                Prefetch("documents", queryset=Document.objects.filter(is_public=True)),
                "press_coverage__outlet",
            )
        )
