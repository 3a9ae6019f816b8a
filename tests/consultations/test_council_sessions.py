"""A council session: its agenda points, the decisions and votes, who attended."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import (
    Attendance,
    Gender,
    MeetingKind,
    MeetingStatus,
    Outcome,
    SessionType,
)
from petitions.models import BureauDecision
from tests.api_support import results
from tests.factories import (
    AgendaItemFactory,
    AxisFactory,
    MeetingFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PetitionFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

POINTS = [
    ("الميزانية التعديلية", Outcome.ADOPTED, (31, 5, 2)),
    ("اتفاقية شراكة للنقل الحضري", Outcome.REJECTED, (10, 25, 3)),
    ("تسمية شارع", Outcome.POSTPONED, (None, None, None)),
    ("عريضة حديقة الحي", Outcome.ADOPTED, (38, 0, 0)),
]


@pytest.fixture
def session():
    meeting = MeetingFactory(
        kind=MeetingKind.COUNCIL,
        session_type=SessionType.ORDINARY,
        status=MeetingStatus.HELD,
        title_ar="الدورة العادية لشهر فبراير",
        title_fr="Session ordinaire de février",
        slug="session-fevrier",
        start=timezone.now() - datetime.timedelta(days=3),
    )
    project = ProjectFactory(title_ar="مشروع النقل")
    axis = AxisFactory(title_ar="محور البيئة")
    items = []
    for order, (title, outcome, (yes, no, abstain)) in enumerate(POINTS, start=1):
        items.append(
            AgendaItemFactory(
                meeting=meeting,
                order=order,
                title_ar=title,
                outcome=outcome,
                votes_for=yes,
                votes_against=no,
                votes_abstaining=abstain,
                decision_text_ar=f"مقرر بشأن {title}",
                project=project if order == 2 else None,
                axis=axis if order == 3 else None,
            )
        )
    PetitionFactory(
        title_ar="حديقة الحي",
        bureau_decision=BureauDecision.ADMISSIBLE,
        decision_date=timezone.localdate(),
        agenda_item=items[3],
    )
    for name, attendance in [
        ("مستشارة حاضرة", Attendance.PRESENT),
        ("مستشار متغيب بعذر", Attendance.EXCUSED),
        ("مستشار متغيب", Attendance.ABSENT),
    ]:
        ParticipationFactory(
            meeting=meeting,
            person=PersonFactory(name_ar=name),
            attendance=attendance,
        )
    return meeting


def test_session_page_shows_points_decisions_votes_and_attendance(client, session):
    page = client.get(session.get_absolute_url()).content.decode()
    for title, _outcome, _votes in POINTS:
        assert title in page
    for outcome in ("adopted", "rejected", "postponed"):
        assert f"outcome-{outcome}" in page
    assert "<strong>31</strong>" in page and "<strong>25</strong>" in page
    assert "مقرر بشأن عريضة حديقة الحي" in page
    assert "مشروع النقل" in page and "محور البيئة" in page and "حديقة الحي" in page
    assert "Councillors" in page or "attendance-title" in page
    for name in ("مستشارة حاضرة", "مستشار متغيب بعذر", "مستشار متغيب"):
        assert name in page


def test_decisions_are_hidden_before_the_session_is_held(client, session, api):
    session.status = MeetingStatus.SCHEDULED
    session.start = timezone.now() + datetime.timedelta(days=2)
    session.save()
    page = client.get(session.get_absolute_url()).content.decode()
    assert "الميزانية التعديلية" in page  # the agenda is public before
    assert "مقرر بشأن الميزانية التعديلية" not in page and "outcome-adopted" not in page
    (row,) = results(api.get("/api/v1/meetings/?kind=council"))
    assert all(point["outcome"] is None for point in row["agenda"])
    assert all(point["votes_for"] is None for point in row["agenda"])


def test_session_is_in_the_api_with_its_votes(api, session):
    (row,) = results(api.get("/api/v1/meetings/?session_type=ordinary"))
    assert row["session_type"] == "ordinary"
    assert [point["outcome"] for point in row["agenda"]] == [
        "adopted",
        "rejected",
        "postponed",
        "adopted",
    ]
    assert row["agenda"][0]["votes_for"] == 31
    assert row["agenda"][1]["project"]["title"] == "مشروع النقل"
    assert {p["attendance"] for p in row["participants"]} == {
        "present",
        "excused",
        "absent",
    }


def test_session_exports_to_csv(client, session):
    response = client.get(
        reverse("session_decisions_csv", kwargs={"slug": session.slug})
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + len(POINTS)
    assert rows[1][1] == "الميزانية التعديلية"
    assert rows[1][4:7] == ["31", "5", "2"]
    assert rows[2][2] == "مشروع النقل"
    assert rows[4][2] == "حديقة الحي"


def test_session_exports_to_ics_and_the_council_calendar(client, session):
    one = client.get(
        reverse("consultations:meeting_ics", kwargs={"slug": session.slug})
    )
    assert one.status_code == 200 and b"BEGIN:VEVENT" in one.content
    MeetingFactory(kind=MeetingKind.CONSULTATION, title_ar="لقاء تشاوري")
    calendar = client.get(reverse("consultations:council_calendar_ics")).content
    assert calendar.count(b"BEGIN:VEVENT") == 1
    assert f"meeting-{session.pk}@".encode() in calendar
    feed = client.get(reverse("council_feed")).content.decode()
    assert "الدورة العادية لشهر فبراير" in feed and "لقاء تشاوري" not in feed


def test_session_type_only_for_council_sessions():
    from django.core.exceptions import ValidationError

    meeting = MeetingFactory.build(
        kind=MeetingKind.CONSULTATION, session_type=SessionType.ORDINARY
    )
    with pytest.raises(ValidationError) as error:
        meeting.full_clean(exclude=["venue"])
    assert "session_type" in error.value.message_dict


def test_gender_totals_add_up_from_the_rows(client, api):
    meeting = MeetingFactory(
        headcount_total=45,
        headcount_women=20,
        start=timezone.now() - datetime.timedelta(days=1),
    )
    rows = [
        (Gender.FEMALE, Attendance.PRESENT),
        (Gender.FEMALE, Attendance.PRESENT),
        (Gender.MALE, Attendance.PRESENT),
        (Gender.UNKNOWN, Attendance.PRESENT),
        (Gender.FEMALE, Attendance.ABSENT),  # not counted: absent
    ]
    for gender, attendance in rows:
        ParticipationFactory(
            meeting=meeting, person=PersonFactory(gender=gender), attendance=attendance
        )
    present = [row for row in rows if row[1] == Attendance.PRESENT]
    named_women = sum(1 for gender, _a in present if gender == Gender.FEMALE)

    counts = meeting.attendance_by_gender()
    assert counts["named"] == len(present)
    assert counts["named_women"] == named_women
    assert counts["named_men"] + counts["named_women"] + counts["named_unknown"] == len(
        present
    )
    assert counts["total"] == len(present) + 45
    assert counts["women"] == named_women + 20

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f">{counts['total']}<" in page and f">{counts['women']}<" in page
    (row,) = results(api.get("/api/v1/meetings/"))
    assert row["attendance_by_gender"] == counts
    body = (
        client.get(
            reverse(
                "open_data_download",
                kwargs={"dataset": "meetings", "file_format": "csv"},
            )
        )
        .getvalue()
        .decode("utf-8-sig")
    )
    data = list(csv.DictReader(io.StringIO(body)))
    assert data[0]["attendance_by_gender.total"] == str(counts["total"])
    assert data[0]["attendance_by_gender.women"] == str(counts["women"])


def test_headcount_women_cannot_exceed_total():
    from django.core.exceptions import ValidationError

    meeting = MeetingFactory.build(headcount_total=10, headcount_women=12)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean(exclude=["venue"])
    assert "headcount_women" in error.value.message_dict


def _meeting_with(total, women, named_women, named_men, **kwargs):
    meeting = MeetingFactory(headcount_total=total, headcount_women=women, **kwargs)
    for gender, count in ((Gender.FEMALE, named_women), (Gender.MALE, named_men)):
        for _n in range(count):
            ParticipationFactory(meeting=meeting, person=PersonFactory(gender=gender))
    return meeting


def test_gender_page_sums_per_year_and_per_axis(client):
    axis = AxisFactory(title_ar="محور المشاركة المواطنة")
    first = _meeting_with(
        45, 20, 2, 1, start=datetime.datetime(2025, 3, 1, 10, tzinfo=datetime.UTC)
    )
    first.axes.add(axis)
    _meeting_with(
        10, 6, 1, 0, start=datetime.datetime(2026, 5, 4, 10, tzinfo=datetime.UTC)
    )
    _meeting_with(
        99,
        50,
        0,
        0,
        start=datetime.datetime(2026, 5, 4, 10, tzinfo=datetime.UTC),
        publication_status="draft",
    )

    response = client.get(reverse("consultations:attendance_by_gender"))
    figures = response.context["figures"]
    by_year = {row["year"]: row for row in figures["by_year"]}
    assert (by_year[2025]["total"], by_year[2025]["women"]) == (48, 22)
    assert (by_year[2026]["total"], by_year[2026]["women"]) == (11, 7)
    (per_axis,) = figures["by_axis"]
    assert per_axis["axis"] == axis and per_axis["total"] == 48
    assert figures["all"]["total"] == 48 + 11 and figures["all"]["women"] == 22 + 7

    body = (
        client.get(
            reverse(
                "open_data_download",
                kwargs={"dataset": "attendance-by-gender", "file_format": "csv"},
            )
        )
        .getvalue()
        .decode("utf-8-sig")
    )
    data = list(csv.DictReader(io.StringIO(body)))
    assert [(row["group"], row["total"], row["women"]) for row in data] == [
        ("year", "48", "22"),
        ("year", "11", "7"),
        ("axis", "48", "22"),
    ]


@pytest.mark.parametrize("rows", [5, 200])
def test_gender_page_query_count_does_not_grow(client, django_assert_num_queries, rows):
    axis = AxisFactory()
    for _n in range(rows):
        _meeting_with(5, 2, 1, 1).axes.add(axis)
    # meetings, their participations with people, their axes; the commune's details
    # (footer)
    with django_assert_num_queries(5):
        client.get(reverse("consultations:attendance_by_gender"))


def test_equality_commission_meetings_are_listed_as_such(client, api):
    commission = OrganizationFactory(
        slug="equality-commission", name_ar="هيئة المساواة"
    )
    ours = MeetingFactory(
        organizer=commission,
        kind=MeetingKind.COMMISSION,
        title_ar="اجتماع هيئة المساواة",
        start=timezone.now() - datetime.timedelta(days=4),
    )
    MeetingFactory(
        title_ar="لقاء آخر", start=timezone.now() - datetime.timedelta(days=4)
    )
    page = client.get(reverse("consultations:attendance_by_gender")).content.decode()
    assert "?organizer=equality-commission" in page
    listed = client.get(
        reverse("consultations:meeting_list"), {"organizer": "equality-commission"}
    ).content.decode()
    assert ours.title_ar in listed and "لقاء آخر" not in listed
    (row,) = results(api.get(f"/api/v1/meetings/?organizer={commission.pk}"))
    assert row["id"] == ours.pk
