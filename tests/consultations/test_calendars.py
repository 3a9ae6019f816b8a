"""iCalendar files: RFC 5545 that icalendar reads back, at Kenitra's local time."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from consultations.models import MeetingStatus
from core.models import PublicationStatus
from tests.factories import MeetingFactory

KENITRA = ZoneInfo("Africa/Casablanca")


def ics_url(language="ar", slug=None):
    with translation.override(language):
        if slug is None:
            return reverse("consultations:calendar_ics")
        return reverse("consultations:meeting_ics", kwargs={"slug": slug})


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def in_days(days, hour=9, minute=30):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=KENITRA)


def test_calendar_urls():
    assert ics_url() == "/ar/meetings/calendar.ics"
    assert ics_url("fr", "launch") == "/fr/meetings/launch/calendar.ics"


@pytest.mark.django_db
def test_meeting_ics_holds_the_meeting_at_kenitra_time(client):
    meeting = MeetingFactory(
        slug="launch",
        title_ar="لقاء تشاوري",
        title_fr="Rencontre consultative",
        summary_ar="لقاء حول برنامج الانفتاح",
        start=datetime.datetime(2024, 5, 15, 9, 30, tzinfo=KENITRA),
        end=datetime.datetime(2024, 5, 15, 12, 0, tzinfo=KENITRA),
        venue__name_ar="قاعة الندوات",
        venue__city_ar="القنيطرة",
    )
    calendar = get_calendar(client, ics_url(slug="launch"))
    raw = client.get(ics_url(slug="launch")).content.decode()
    assert "DTSTART;TZID=Africa/Casablanca:20240515T093000\r\n" in raw
    (event,) = calendar.events
    assert event["DTSTART"].params["TZID"] == "Africa/Casablanca"
    assert event.start == datetime.datetime(2024, 5, 15, 9, 30, tzinfo=KENITRA)
    assert event.start.tzinfo.key == "Africa/Casablanca"
    assert (event.start.hour, event.start.minute) == (9, 30)
    assert event.end == datetime.datetime(2024, 5, 15, 12, 0, tzinfo=KENITRA)
    assert str(event["SUMMARY"]) == "لقاء تشاوري"
    assert str(event["DESCRIPTION"]) == "لقاء حول برنامج الانفتاح"
    assert str(event["LOCATION"]) == "قاعة الندوات, القنيطرة"
    assert str(event["URL"]) == "http://testserver/ar/meetings/launch/"
    assert str(event["UID"]) == f"meeting-{meeting.pk}@kenitra-openness-portal"
    assert event["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    assert str(event["STATUS"]) == "CONFIRMED"
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Africa/Casablanca"


@pytest.mark.django_db
def test_meeting_ics_speaks_the_pages_language_and_keeps_its_uid(client):
    MeetingFactory(slug="launch", title_ar="لقاء تشاوري", title_fr="Rencontre")
    (arabic,) = get_calendar(client, ics_url("ar", "launch")).events
    (french,) = get_calendar(client, ics_url("fr", "launch")).events
    assert str(french["SUMMARY"]) == "Rencontre"
    assert str(french["URL"]) == "http://testserver/fr/meetings/launch/"
    assert french["UID"] == arabic["UID"]


@pytest.mark.django_db
def test_meeting_without_a_known_start_has_no_ics(client):
    MeetingFactory(slug="undated", start=None, date_text_ar="صباح يوم الأربعاء")
    assert client.get(ics_url(slug="undated")).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("status", [PublicationStatus.DRAFT, PublicationStatus.REVIEW])
def test_unpublished_meeting_has_no_ics(client, status):
    MeetingFactory(slug="hidden", start=in_days(3), publication_status=status)
    assert client.get(ics_url(slug="hidden")).status_code == 404


@pytest.mark.django_db
def test_cancelled_meeting_says_so(client):
    MeetingFactory(slug="off", start=in_days(3), status=MeetingStatus.CANCELLED)
    (event,) = get_calendar(client, ics_url(slug="off")).events
    assert str(event["STATUS"]) == "CANCELLED"


@pytest.mark.django_db
def test_upcoming_calendar_holds_only_upcoming_published_dated_meetings(client):
    MeetingFactory(title_ar="القادم", start=in_days(7))
    MeetingFactory(title_ar="بعده", start=in_days(30, hour=15, minute=0))
    MeetingFactory(title_ar="الماضي", start=in_days(-7))
    MeetingFactory(title_ar="بلا تاريخ", start=None)
    MeetingFactory(
        title_ar="مسودة", start=in_days(3), publication_status=PublicationStatus.DRAFT
    )
    calendar = get_calendar(client, ics_url())
    assert [str(event["SUMMARY"]) for event in calendar.events] == ["القادم", "بعده"]
    assert [event.start for event in calendar.events] == [
        in_days(7),
        in_days(30, 15, 0),
    ]
    assert str(calendar["X-WR-TIMEZONE"]) == "Africa/Casablanca"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == [
        "Africa/Casablanca"
    ]


@pytest.mark.django_db
def test_upcoming_calendar_keeps_its_uid_between_requests(client):
    first = get_calendar(client, ics_url())
    second = get_calendar(client, ics_url())
    assert first["UID"] == second["UID"]


@pytest.mark.django_db
def test_empty_upcoming_calendar_is_still_a_calendar(client):
    calendar = get_calendar(client, ics_url("fr"))
    assert calendar.events == []
    assert str(calendar["VERSION"]) == "2.0"
