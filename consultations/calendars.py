"""iCalendar (RFC 5545) files: one per meeting, and one of all upcoming meetings.

Events keep their local time with `TZID=Africa/Casablanca`: Google and Apple read
the name and use their own time-zone database, which follows Morocco's moves; Outlook
and Thunderbird read the VTIMEZONE instead, so it must hold every change of offset
around the events. icalendar's `Timezone.from_tzid` looks for changes in 64-day
jumps and misses a Ramadan suspension that starts and ends between two of them
(2027, 2032), so the VTIMEZONE is built here from zoneinfo's own offsets.
"""

import datetime
import functools
import html
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from .models import Meeting, MeetingKind, MeetingStatus

PRODID = "-//Commune of Kenitra//Openness portal//EN"
# What a calendar shows for a meeting whose end is not known (RFC 5545 wants one).
DEFAULT_LENGTH = datetime.timedelta(hours=2)
# Calendar apps refresh a subscription this often; meetings are announced days ahead.
REFRESH_INTERVAL = datetime.timedelta(hours=6)
_STATUS = {
    MeetingStatus.SCHEDULED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.POSTPONED: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
}
_DAY = datetime.timedelta(days=1)
_SECOND = datetime.timedelta(seconds=1)


def _plain(text):
    return html.unescape(strip_tags(text or "")).strip()


def _offset_changes(zone, first, last):
    """Every (UTC instant, offset before, offset after) of `zone` in [first, last).

    A day at a time, then halving the day down to the second: no offset period of a
    real zone lasts less than a day, and Morocco's last about a month.
    """
    changes = []
    instant = first
    offset = first.astimezone(zone).utcoffset()
    while instant < last:
        following = instant + _DAY
        following_offset = following.astimezone(zone).utcoffset()
        if following_offset != offset:
            low, high = instant, following
            while high - low > _SECOND:
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            changes.append((high, offset, following_offset))
            offset = following_offset
        instant = following
    return changes


def _zone_part(zone, utc_instant, offset_from, offset_to):
    local = utc_instant.astimezone(zone)
    part = (
        TimezoneStandard()
        if local.dst() == datetime.timedelta()
        else TimezoneDaylight()
    )
    # DTSTART is the local time of the change, read on the clock before it.
    part.DTSTART = (utc_instant + offset_from).replace(tzinfo=None)
    part.TZOFFSETFROM = offset_from
    part.TZOFFSETTO = offset_to
    part.add("TZNAME", local.tzname())
    return part


@functools.lru_cache(maxsize=64)
def vtimezone(tzid, first_year, last_year):
    """VTIMEZONE of `tzid` with every change of offset from `first_year` to `last_year`."""
    zone = ZoneInfo(tzid)
    first = datetime.datetime(first_year, 1, 1, tzinfo=datetime.UTC)
    last = datetime.datetime(last_year + 1, 1, 1, tzinfo=datetime.UTC)
    component = Timezone()
    component.add("TZID", tzid)
    start_offset = first.astimezone(zone).utcoffset()
    component.add_component(_zone_part(zone, first, start_offset, start_offset))
    for instant, offset_from, offset_to in _offset_changes(zone, first, last):
        component.add_component(_zone_part(zone, instant, offset_from, offset_to))
    return component


def zone_for(meetings):
    """The portal's VTIMEZONE over the years of `meetings`, a year either side.

    With no meeting, the current year's: a calendar needs one component (RFC 5545
    §3.6), and a subscription with nothing upcoming is still a valid, empty calendar.
    """
    years = [meeting.start.astimezone(datetime.UTC).year for meeting in meetings]
    years = years or [timezone.now().year]
    return vtimezone(settings.TIME_ZONE, min(years) - 1, max(years) + 1)


def meeting_event(meeting, request):
    """The meeting as a VEVENT, its texts in the active language."""
    zone = ZoneInfo(settings.TIME_ZONE)
    venue = meeting.venue
    location = (
        ", ".join(part for part in (venue.name, venue.address, venue.city) if part)
        if venue
        else ""
    )
    start = meeting.start.astimezone(zone)
    description = _plain(meeting.summary)
    if meeting.end:
        end = meeting.end.astimezone(zone)
    else:
        end = start + DEFAULT_LENGTH
        note = _("The end time is not known yet: the calendar shows two hours.")
        description = "\n\n".join(part for part in (description, note) if part)
    return Event.new(
        # Stable across languages and edits, so a calendar app updates the event
        # rather than adding a second one.
        uid=f"meeting-{meeting.pk}@kenitra-openness-portal",
        stamp=meeting.updated_at.astimezone(datetime.UTC),
        last_modified=meeting.updated_at.astimezone(datetime.UTC),
        sequence=meeting.version,
        start=start,
        end=end,
        summary=meeting.title,
        description=description or None,
        location=location or None,
        url=request.build_absolute_uri(meeting.get_absolute_url()),
        status=_STATUS.get(meeting.status),
    )


def calendar_response(meetings, request, name, description, uid, filename):
    meetings = list(meetings)
    calendar = Calendar.new(
        prodid=PRODID,
        # Without it icalendar invents a new one each time: subscribers would see a
        # new calendar on every refresh.
        uid=f"{uid}-{get_language()}@kenitra-openness-portal",
        name=name,
        description=description,
        url=request.build_absolute_uri(),
        refresh_interval=REFRESH_INTERVAL,
        subcomponents=[
            zone_for(meetings),
            *(meeting_event(meeting, request) for meeting in meetings),
        ],
    )
    for text in ("NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC"):
        calendar[text].params["LANGUAGE"] = get_language()
    # RFC 7986 §5.7 requires the value type to be named.
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
    # Apple and Google calendars read the calendar's zone from it.
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
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
            _("A meeting of the commune of Kenitra's openness program."),
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
            _(
                "The upcoming consultative meetings of the commune of Kenitra's "
                "openness program, updated as they are announced."
            ),
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
            _(
                "Ordinary and extraordinary sessions of the council of Kenitra, their "
                "agenda and, once held, their decisions."
            ),
            "council-sessions",
            "kenitra-council-sessions.ics",
        )
