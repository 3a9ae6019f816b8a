"""Meetings, organizations, people and memberships in the public API."""

import pytest
from django.core.management import call_command

from tests.api_support import results
from tests.factories import (
    AgendaItemFactory,
    AxisFactory,
    DecisionFactory,
    DocumentFactory,
    FollowUpActionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PressCoverageFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def test_kenitra_meeting_shows_who_spoke_in_which_role(api):
    call_command("load_kenitra", verbosity=0)

    meeting = results(api.get("/api/v1/meetings/?kind=consultation&lang=fr"))[0]

    assert meeting["start"] is None
    assert meeting["date_text"]
    speakers = [p for p in meeting["participants"] if p["spoke"]]
    assert speakers
    assert all(p["role"] for p in speakers)
    assert {item["speaker"] for item in meeting["agenda"]} - {None} <= {
        p["id"] for p in meeting["participants"]
    }
    assert meeting["press"][0]["outlet"]["name"]
    assert len(meeting["axes"]) == 4


def test_meeting_lists_public_documents_and_actions_only(api):
    meeting = MeetingFactory()
    public_doc = DocumentFactory(meeting=meeting, is_public=True)
    DocumentFactory(meeting=meeting, is_public=False, title_ar="وثيقة داخلية")
    public_action = FollowUpActionFactory(meeting=meeting, is_public=True)
    FollowUpActionFactory(meeting=meeting, is_public=False, title_ar="إجراء داخلي")
    decision = DecisionFactory(meeting=meeting)

    response = api.get(f"/api/v1/meetings/{meeting.pk}/")

    data = response.json()
    assert [d["id"] for d in data["documents"]] == [public_doc.pk]
    download = api.get(data["documents"][0]["file"].removeprefix("http://testserver"))
    assert download.status_code == 200
    assert [a["id"] for a in data["follow_up_actions"]] == [public_action.pk]
    assert [d["id"] for d in data["decisions"]] == [decision.pk]
    assert "وثيقة داخلية" not in response.content.decode()
    assert "إجراء داخلي" not in response.content.decode()


def test_draft_meeting_is_hidden_and_links_to_it_are_null(api):
    draft = MeetingFactory(publication_status="draft")
    session = MeetingFactory(parent=draft)

    assert [m["id"] for m in results(api.get("/api/v1/meetings/"))] == [session.pk]
    assert api.get(f"/api/v1/meetings/{draft.pk}/").status_code == 404
    assert api.get(f"/api/v1/meetings/{session.pk}/").json()["parent"] is None


def test_meeting_does_not_list_draft_axes_or_projects(api):
    meeting = MeetingFactory()
    published_axis = AxisFactory()
    meeting.axes.add(published_axis, AxisFactory(publication_status="draft"))
    meeting.projects.add(ProjectFactory(publication_status="draft"))

    data = api.get(f"/api/v1/meetings/{meeting.pk}/").json()

    assert [a["id"] for a in data["axes"]] == [published_axis.pk]
    assert data["projects"] == []


def test_meetings_filter_by_start_dates_and_axis(api):
    axis = AxisFactory()
    wanted = MeetingFactory(start="2024-05-15T09:00:00+01:00")
    wanted.axes.add(axis)
    MeetingFactory(start="2024-05-15T09:00:00+01:00")
    other = MeetingFactory(start="2023-05-15T09:00:00+01:00")
    other.axes.add(axis)

    found = results(
        api.get(
            "/api/v1/meetings/",
            {
                "axis": axis.pk,
                "start_after": "2024-01-01",
                "start_before": "2024-12-31",
            },
        )
    )

    assert [m["id"] for m in found] == [wanted.pk]


def test_meetings_that_share_a_start_and_a_title_are_each_on_one_page(api):
    # Twenty to a page: ordered by start and title alone, a meeting could appear
    # on both pages and another on neither.
    start = MeetingFactory().start
    same = [MeetingFactory(title_ar="دورة", start=start) for _ in range(25)]

    listed = []
    for page in (1, 2):
        listed += [m["id"] for m in results(api.get(f"/api/v1/meetings/?page={page}"))]

    shown = [pk for pk in listed if pk in {meeting.pk for meeting in same}]
    assert shown == sorted(meeting.pk for meeting in same)


def test_meeting_start_has_an_offset(api):
    MeetingFactory(start="2024-05-15T09:00:00+01:00")

    assert results(api.get("/api/v1/meetings/"))[0]["start"] in {
        "2024-05-15T09:00:00+01:00",
        "2024-05-15T08:00:00+00:00",
    }


def test_person_lists_memberships_with_roles(api):
    membership = MembershipFactory(role_ar="نائب الرئيس", role_fr="Vice-président")

    person = api.get(f"/api/v1/people/{membership.person_id}/?lang=fr").json()

    assert person["memberships"][0]["role"] == "Vice-président"
    assert person["memberships"][0]["organization"]["id"] == membership.organization_id


def test_people_filter_by_organization(api):
    membership = MembershipFactory()
    MembershipFactory()

    found = results(
        api.get(f"/api/v1/people/?organization={membership.organization_id}")
    )

    assert [p["id"] for p in found] == [membership.person_id]


def test_organizations_filter_by_kind(api):
    press = OrganizationFactory(kind="press")
    OrganizationFactory(kind="association")

    assert [o["id"] for o in results(api.get("/api/v1/organizations/?kind=press"))] == [
        press.pk
    ]


def test_memberships_list_person_and_organization(api):
    membership = MembershipFactory()

    found = results(api.get("/api/v1/memberships/"))[0]

    assert found["person"]["id"] == membership.person_id
    assert found["organization"]["id"] == membership.organization_id


def make_meetings(count):
    for _ in range(count):
        meeting = MeetingFactory(organizer=OrganizationFactory())
        meeting.axes.add(AxisFactory())
        meeting.projects.add(ProjectFactory())
        speaker = ParticipationFactory(meeting=meeting)
        AgendaItemFactory(meeting=meeting, speaker=speaker)
        ParticipationFactory(
            meeting=meeting, person=None, organization=OrganizationFactory()
        )
        FollowUpActionFactory(
            meeting=meeting,
            decision=DecisionFactory(meeting=meeting),
            owner_person=PersonFactory(),
        )
        PressCoverageFactory(meeting=meeting)


def make_organizations(count):
    parent = OrganizationFactory()
    for _ in range(count - 1):
        OrganizationFactory(parent=parent)


def make_people(count):
    for _ in range(count):
        MembershipFactory()


@pytest.mark.parametrize(
    ("endpoint", "make_rows", "queries"),
    [
        ("meetings", make_meetings, 12),
        ("organizations", make_organizations, 3),
        ("people", make_people, 4),
        ("memberships", make_people, 3),
    ],
)
@pytest.mark.parametrize("size", [5, 200])
def test_list_query_count_does_not_grow_with_rows(
    api, django_assert_num_queries, endpoint, make_rows, queries, size
):
    make_rows(size)

    with django_assert_num_queries(queries):
        response = api.get(f"/api/v1/{endpoint}/?page_size=100")

    assert len(response.json()["results"]) == min(size, 100)
