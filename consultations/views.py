from django.views.generic import ListView

from .models import Meeting


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
