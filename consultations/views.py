from django.conf import settings
from django.views.generic import ListView, TemplateView

from . import gender
from .models import Meeting, Organization


class MeetingListView(ListView):
    """Past meetings, latest first, paginated; above them all the upcoming ones (few
    by nature) and those whose date is to be confirmed."""

    template_name = "consultations/meeting_list.html"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        # ?organizer=<slug>: one body's meetings, e.g. the equality commission's.
        slug = request.GET.get("organizer", "")
        self.organizer = (
            Organization.objects.filter(slug=slug).first() if slug else None
        )
        return super().get(request, *args, **kwargs)

    def meetings(self):
        meetings = Meeting.objects.published().select_related("venue")
        if self.organizer is not None:
            meetings = meetings.filter(organizer=self.organizer)
        return meetings

    def get_queryset(self):
        return self.meetings().past()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["upcoming_meetings"] = self.meetings().upcoming_or_undated()
        context["organizer"] = self.organizer
        return context


class AttendanceByGenderView(TemplateView):
    """Attendance by gender per year and per axis, with the equality commission's
    meetings (organic law 113-14, art. 120)."""

    template_name = "consultations/attendance_by_gender.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            figures=gender.figures(),
            bars=gender.BARS,
            equality_commission=Organization.objects.filter(
                slug=settings.EQUALITY_COMMISSION_SLUG
            ).first(),
            **kwargs,
        )
