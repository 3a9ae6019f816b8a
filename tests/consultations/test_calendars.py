"""iCalendar files: RFC 5545 that icalendar reads back, at Kenitra's local time."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from consultations.models import Meeting, MeetingStatus
from core.models import PublicationStatus
from tests.factories import MeetingFactory, VenueFactory

KENITRA = ZoneInfo("Africa/Casablanca")


def saturdays(first_year, last_year):
    day = datetime.date(first_year, 1, 1)
    day += datetime.timedelta(days=(5 - day.weekday()) % 7)
    while day.year <= last_year:
        yield day
        day += datetime.timedelta(days=7)


def offset_read_from_vtimezone(calendar, event):
    """The UTC offset of the event's start as Outlook or Thunderbird reads it.

    icalendar itself would look the TZID up in zoneinfo; `lookup_tzid=False` makes
    it read the calendar's own VTIMEZONE, as clients without a zone database do.
    """
    (zone,) = calendar.walk("VTIMEZONE")
    assert event["DTSTART"].params["TZID"] == str(zone["TZID"])
    rules = zone.to_tz(lookup_tzid=False)
    local = event.start.replace(tzinfo=None)
    return local.replace(tzinfo=rules).utcoffset()


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
def test_ramadan_2027_meeting_reads_back_at_its_real_hour(client):
    # Morocco suspends +01:00 from 2027-02-07 to 2027-03-14: 10:00 is 10:00 UTC.
    MeetingFactory(
        slug="ramadan", start=datetime.datetime(2027, 2, 20, 10, tzinfo=KENITRA)
    )
    calendar = get_calendar(client, ics_url(slug="ramadan"))
    (event,) = calendar.events
    assert offset_read_from_vtimezone(calendar, event) == datetime.timedelta(0)
    start = event.start.replace(
        tzinfo=calendar.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    )
    assert start.astimezone(datetime.UTC) == datetime.datetime(
        2027, 2, 20, 10, tzinfo=datetime.UTC
    )


@pytest.mark.django_db
def test_every_saturday_from_2024_to_2035_has_casablancas_offset(client):
    venue = VenueFactory()
    days = list(saturdays(2024, 2035))
    Meeting.objects.bulk_create(
        MeetingFactory.build(
            slug=f"saturday-{day:%Y-%m-%d}",
            venue=venue,
            start=datetime.datetime.combine(day, datetime.time(10), tzinfo=KENITRA),
        )
        for day in days
    )
    wrong = []
    for day in days:
        calendar = get_calendar(client, ics_url(slug=f"saturday-{day:%Y-%m-%d}"))
        (event,) = calendar.events
        expected = datetime.datetime.combine(day, datetime.time(10), tzinfo=KENITRA)
        read = offset_read_from_vtimezone(calendar, event)
        if read != expected.utcoffset():
            wrong.append((day, read, expected.utcoffset()))
    assert wrong == []
    assert len(days) == 626


@pytest.mark.django_db
def test_one_calendar_of_twelve_years_has_every_change_of_offset(client, monkeypatch):
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2023, 12, 1, tzinfo=datetime.UTC)
    )
    venue = VenueFactory()
    days = list(saturdays(2024, 2035))
    Meeting.objects.bulk_create(
        MeetingFactory.build(
            slug=f"saturday-{day:%Y-%m-%d}",
            venue=venue,
            start=datetime.datetime.combine(day, datetime.time(10), tzinfo=KENITRA),
        )
        for day in days
    )
    calendar = get_calendar(client, ics_url())
    assert len(calendar.events) == len(days)
    offsets = {
        event.start.date(): offset_read_from_vtimezone(calendar, event)
        for event in calendar.events
    }
    assert offsets == {
        day: datetime.datetime.combine(
            day, datetime.time(10), tzinfo=KENITRA
        ).utcoffset()
        for day in days
    }


@pytest.mark.django_db
def test_meeting_without_an_end_lasts_two_hours_and_says_so(client):
    MeetingFactory(
        slug="open-ended",
        summary_fr="Réunion publique",
        start=datetime.datetime(2024, 5, 15, 9, 30, tzinfo=KENITRA),
        end=None,
    )
    (event,) = get_calendar(client, ics_url("fr", "open-ended")).events
    assert event.end == datetime.datetime(2024, 5, 15, 11, 30, tzinfo=KENITRA)
    assert "DTEND" in event
    assert str(event["DESCRIPTION"]) == (
        "Réunion publique\n\nL'heure de fin n'est pas encore connue : "
        "l'agenda affiche deux heures."
    )


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
    # RFC 5545 §3.6: a calendar holds at least one component.
    assert [zone.name for zone in calendar.subcomponents] == ["VTIMEZONE"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("ar", "انفتاح القنيطرة: اللقاءات المقبلة"),
        ("fr", "Ouverture de Kénitra : réunions à venir"),
        ("en", "Kenitra openness: upcoming meetings"),
    ],
)
def test_upcoming_calendar_is_named_and_described_in_the_pages_language(
    client, language, name
):
    calendar = get_calendar(client, ics_url(language))
    assert str(calendar["NAME"]) == name
    assert str(calendar["X-WR-CALNAME"]) == name
    assert calendar["NAME"].params["LANGUAGE"] == language
    assert calendar["DESCRIPTION"].params["LANGUAGE"] == language
