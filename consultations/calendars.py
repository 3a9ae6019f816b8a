"""iCalendar (RFC 5545) files: one per meeting, and one of all upcoming meetings."""

import datetime
import html
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from icalendar import Calendar, Event

from .models import Meeting, MeetingKind, MeetingStatus

PRODID = "-//Commune of Kenitra//Openness portal//EN"
_STATUS = {
    MeetingStatus.SCHEDULED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.POSTPONED: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def _plain(text):
    return html.unescape(strip_tags(text or "")).strip()


def meeting_event(meeting, request):
    """The meeting as a VEVENT, its texts in the active language."""
    zone = ZoneInfo(settings.TIME_ZONE)
    venue = meeting.venue
    location = (
        ", ".join(part for part in (venue.name, venue.address, venue.city) if part)
        if venue
        else ""
    )
    return Event.new(
        # Stable across languages and edits, so a calendar app updates the event
        # rather than adding a second one.
        uid=f"meeting-{meeting.pk}@kenitra-openness-portal",
        stamp=meeting.updated_at.astimezone(datetime.UTC),
        last_modified=meeting.updated_at.astimezone(datetime.UTC),
        sequence=meeting.version,
        start=meeting.start.astimezone(zone),
        end=meeting.end.astimezone(zone) if meeting.end else None,
        summary=meeting.title,
        description=_plain(meeting.summary) or None,
        location=location or None,
        url=request.build_absolute_uri(meeting.get_absolute_url()),
        status=_STATUS.get(meeting.status),
    )


def calendar_response(meetings, request, name, uid, filename):
    meetings = list(meetings)
    calendar = Calendar.new(
        prodid=PRODID,
        # Without it icalendar invents a new one each time: subscribers would see a
        # new calendar on every refresh.
        uid=f"{uid}-{get_language()}@kenitra-openness-portal",
        name=name,
        language=get_language(),
        subcomponents=[meeting_event(meeting, request) for meeting in meetings],
    )
    # Apple and Google calendars read the calendar's zone from it.
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    if meetings:
        # Casablanca's rules change every Ramadan: only the years the events need.
        starts = [meeting.start.date() for meeting in meetings]
        calendar.add_missing_timezones(
            first_date=min(starts) - datetime.timedelta(days=366),
            last_date=max(starts) + datetime.timedelta(days=366),
        )
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=filename
    )
    return response


class MeetingCalendarView(View):
    """One meeting as an .ics file; a meeting with no known start has none."""

    def get(self, request, slug):
        meeting = get_object_or_404(
            Meeting.objects.published().select_related("venue"), slug=slug
        )
        if meeting.start is None:
            raise Http404(_("The date of this meeting is not known yet."))
        return calendar_response(
            [meeting],
            request,
            meeting.title,
            f"meeting-{meeting.pk}",
            f"{meeting.slug}.ics",
        )


class UpcomingCalendarView(View):
    """Every upcoming published meeting, for calendar apps to subscribe to."""

    def get(self, request):
        meetings = Meeting.objects.published().upcoming().select_related("venue")
        return calendar_response(
            meetings,
            request,
            _("Kenitra openness: upcoming meetings"),
            "upcoming-meetings",
            "kenitra-meetings.ics",
        )


class CouncilCalendarView(View):
    """Every published session of the council, past and coming: the sessions are
    public (organic law 113-14, art. 48)."""

    def get(self, request):
        sessions = (
            Meeting.objects.published()
            .filter(kind=MeetingKind.COUNCIL, start__isnull=False)
            .select_related("venue")
        )
        return calendar_response(
            sessions,
            request,
            _("Kenitra: sessions of the communal council"),
            "council-sessions",
            "kenitra-council-sessions.ics",
        )
