import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from consultations.models import OrganizationKind
from tests.factories import (
    AgendaItemFactory,
    AxisFactory,
    DecisionFactory,
    DocumentFactory,
    FollowUpActionFactory,
    MeetingFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PhotoFactory,
    PressCoverageFactory,
    ProjectFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

CASABLANCA = datetime.timezone(datetime.timedelta(hours=1))


def meeting_list_url(language="ar"):
    with translation.override(language):
        return reverse("consultations:meeting_list")


def test_meeting_list_puts_upcoming_and_past_meetings_apart(client):
    now = timezone.now()
    MeetingFactory(title_ar="لقاء مقبل", start=now + datetime.timedelta(days=10))
    MeetingFactory(title_ar="لقاء سابق", start=now - datetime.timedelta(days=10))
    MeetingFactory(title_ar="لقاء بلا تاريخ", start=None, date_text_ar="صباح الأربعاء")
    MeetingFactory(title_ar="لقاء مسودة", publication_status="draft")

    response = client.get(meeting_list_url())

    # A meeting without a date is not a past one: its date is still to be confirmed.
    assert [m.title for m in response.context["upcoming_meetings"]] == [
        "لقاء مقبل",
        "لقاء بلا تاريخ",
    ]
    assert [m.title for m in response.context["object_list"]] == ["لقاء سابق"]
    page = response.content.decode()
    upcoming, past = page.split('id="past-title"')
    assert "لقاء مقبل" in upcoming
    assert "صباح الأربعاء" in upcoming
    assert gettext("Date to be confirmed") in upcoming
    assert "لقاء سابق" in past
    assert "لقاء مسودة" not in page


def test_past_meetings_are_listed_by_date_latest_first_in_every_language(client):
    now = timezone.now()
    for days, title in ((30, "أ لقاء قديم"), (2, "ي لقاء حديث"), (10, "م لقاء وسط")):
        MeetingFactory(title_ar=title, start=now - datetime.timedelta(days=days))
    for language in ("ar", "fr"):
        with translation.override(language):
            response = client.get(meeting_list_url())
        titles = [m.title_ar for m in response.context["object_list"]]
        assert titles == ["ي لقاء حديث", "م لقاء وسط", "أ لقاء قديم"]


@pytest.mark.parametrize("rows", [5, 200])
def test_meeting_list_query_count_does_not_grow(
    client, django_assert_num_queries, rows
):
    now = timezone.now()
    for n in range(rows):
        MeetingFactory(start=now + datetime.timedelta(days=n - rows // 2))
    # upcoming meetings, count of past ones, page of past ones (with their venues)
    with django_assert_num_queries(4):
        client.get(meeting_list_url())


def test_meeting_dates_use_moroccan_month_names_and_western_digits(client):
    meeting = MeetingFactory(
        start=datetime.datetime(2024, 8, 14, 10, 0, tzinfo=CASABLANCA)
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "14 غشت 2024، 10:00" in page


def test_meeting_dates_in_french_and_english_follow_their_conventions(client):
    meeting = MeetingFactory(
        start=datetime.datetime(2024, 8, 14, 10, 0, tzinfo=CASABLANCA)
    )
    with translation.override("fr"):
        french = client.get(meeting.get_absolute_url()).content.decode()
    with translation.override("en"):
        english = client.get(meeting.get_absolute_url()).content.decode()
    assert "14 août 2024 à 10:00" in french
    assert "14 August 2024, 10:00" in english


def test_meeting_without_a_date_shows_what_the_sources_say(client):
    meeting = MeetingFactory(start=None, date_text_ar="صباح يوم الأربعاء")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "صباح يوم الأربعاء" in page
    assert f"{meeting.slug}/calendar.ics" not in page


def test_meeting_page_shows_the_whole_public_record(client):
    meeting = MeetingFactory(
        title_ar="لقاء تشاوري حول برنامج الانفتاح",
        summary_ar="خطوة نحو تعزيز التعاون.",
        attendance_note_ar="فعاليات المجتمع المدني",
        minutes_ar="<p>افتتح اللقاء</p>",
    )
    person = PersonFactory(name_ar="الحسين مفتي", honorific_ar="السيد")
    speaker = ParticipationFactory(
        meeting=meeting, person=person, role_ar="نائب رئيس جماعة القنيطرة", spoke=True
    )
    commission = OrganizationFactory(
        name_ar="هيئة المساواة وتكافؤ الفرص", kind=OrganizationKind.COMMUNE_BODY
    )
    ParticipationFactory(
        meeting=meeting, person=None, organization=commission, role_ar="ممثل الهيئة"
    )
    AgendaItemFactory(meeting=meeting, title_ar="كلمة الافتتاح", speaker=speaker)
    decision = DecisionFactory(meeting=meeting, title_ar="تنظيم ورشات")
    FollowUpActionFactory(
        meeting=meeting, decision=decision, title_ar="إعداد تقرير", status="in_progress"
    )
    FollowUpActionFactory(meeting=meeting, title_ar="إجراء داخلي", is_public=False)
    DocumentFactory(meeting=meeting, title_ar="المحضر الرسمي", is_public=True)
    DocumentFactory(meeting=meeting, title_ar="مذكرة داخلية", is_public=False)
    PhotoFactory(meeting=meeting, alt_text_ar="قاعة الندوات")
    PressCoverageFactory(
        meeting=meeting,
        outlet=OrganizationFactory(name_ar="مغربية بريس", kind=OrganizationKind.PRESS),
        byline="متابعة خاصة",
        url="https://example.test/article",
        text="نص المقال الكامل",
    )
    session = MeetingFactory(title_ar="جلسة الرقمنة", parent=meeting)
    MeetingFactory(title_ar="جلسة مسودة", parent=meeting, publication_status="draft")
    WorkshopFactory(meeting=meeting, title_ar="ورشة المشاركة المواطنة")
    WorkshopFactory(meeting=meeting, title_ar="ورشة مسودة", publication_status="draft")
    meeting.axes.add(AxisFactory(title_ar="المشاركة المواطنة"))
    meeting.projects.add(ProjectFactory(title_ar="إحداث هيئات استشارية"))

    page = client.get(meeting.get_absolute_url()).content.decode()

    for text in (
        "<h1>لقاء تشاوري حول برنامج الانفتاح</h1>",
        "خطوة نحو تعزيز التعاون.",
        "فعاليات المجتمع المدني",
        "<p>افتتح اللقاء</p>",
        "السيد الحسين مفتي",
        "نائب رئيس جماعة القنيطرة",
        "(تدخّل)",
        "هيئة المساواة وتكافؤ الفرص",
        "كلمة الافتتاح",
        "تنظيم ورشات",
        "إعداد تقرير",
        "في طور الإنجاز",
        "المحضر الرسمي",
        'alt="قاعة الندوات"',
        "مغربية بريس",
        "متابعة خاصة",
        'href="https://example.test/article"',
        "<details>",
        "نص المقال الكامل",
        "جلسة الرقمنة",
        "ورشة المشاركة المواطنة",
        "المشاركة المواطنة",
        "إحداث هيئات استشارية",
    ):
        assert text in page, text
    for hidden in ("إجراء داخلي", "مذكرة داخلية", "جلسة مسودة", "ورشة مسودة"):
        assert hidden not in page, hidden
    session_page = client.get(session.get_absolute_url()).content.decode()
    assert meeting.get_absolute_url() in session_page


def test_draft_meeting_is_not_found(client):
    meeting = MeetingFactory(publication_status="review")
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_a_session_does_not_link_to_a_draft_parent(client):
    parent = MeetingFactory(title_ar="لقاء غير منشور", publication_status="draft")
    session = MeetingFactory(parent=parent)
    assert (
        "لقاء غير منشور" not in client.get(session.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize("rows", [5, 200])
def test_meeting_page_query_count_does_not_grow(
    client, django_assert_num_queries, rows
):
    meeting = MeetingFactory()
    participations = ParticipationFactory.create_batch(rows, meeting=meeting)
    for order, participation in enumerate(participations, start=1):
        AgendaItemFactory(meeting=meeting, order=order, speaker=participation)
    DecisionFactory.create_batch(rows, meeting=meeting)
    FollowUpActionFactory.create_batch(
        rows, meeting=meeting, owner_person=participations[0].person
    )
    DocumentFactory.create_batch(rows, meeting=meeting, is_public=True)
    PhotoFactory.create_batch(rows, meeting=meeting, image__width=40, image__height=30)
    PressCoverageFactory.create_batch(rows, meeting=meeting)
    MeetingFactory.create_batch(rows, parent=meeting)
    WorkshopFactory.create_batch(rows, meeting=meeting)
    for axis in AxisFactory.create_batch(rows):
        meeting.axes.add(axis)
    for project in ProjectFactory.create_batch(rows):
        meeting.projects.add(project)
    client.get(meeting.get_absolute_url())  # makes the thumbnails
    # meeting with venue, parent and organizer; then agenda, participations,
    # the agenda's petitions, decisions, actions, documents, photos, press, sessions,
    # workshops, axes, projects; the commune's details (footer)
    with django_assert_num_queries(14):
        client.get(meeting.get_absolute_url())
