from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from projects.models import Axis, Project
from projects.views import published_related

from .models import (
    AgendaItem,
    Document,
    FollowUpAction,
    Meeting,
    Participation,
    PressCoverage,
)


class MeetingListView(ListView):
    """Past meetings, paginated; the upcoming ones (few by nature) all above them."""

    template_name = "consultations/meeting_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Meeting.objects.published().past().select_related("venue")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["upcoming_meetings"] = (
            Meeting.objects.published().upcoming().select_related("venue")
        )
        return context


class MeetingDetailView(DetailView):
    template_name = "consultations/meeting_detail.html"

    def get_queryset(self):
        participations = Participation.objects.select_related("person", "organization")
        return (
            Meeting.objects.published()
            .select_related("venue", "parent", "organizer")
            .prefetch_related(
                Prefetch(
                    "agenda_items",
                    queryset=AgendaItem.objects.select_related(
                        "speaker__person", "speaker__organization"
                    ),
                ),
                Prefetch("participations", queryset=participations),
                "decisions",
                Prefetch(
                    "follow_up_actions",
                    queryset=FollowUpAction.objects.filter(
                        is_public=True
                    ).select_related("owner_person", "owner_organization"),
                ),
                Prefetch("documents", queryset=Document.objects.filter(is_public=True)),
                "photos",
                Prefetch(
                    "press_coverage",
                    queryset=PressCoverage.objects.select_related("outlet"),
                ),
                Prefetch(
                    "sessions",
                    queryset=Meeting.objects.published().select_related("venue"),
                ),
                Prefetch(
                    "workshops",
                    queryset=published_related(Meeting, "workshops").select_related(
                        "axis"
                    ),
                ),
                Prefetch("axes", queryset=Axis.objects.published()),
                Prefetch("projects", queryset=Project.objects.published()),
            )
        )
