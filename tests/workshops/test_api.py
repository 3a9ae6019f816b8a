"""Workshops and published proposals in the public API; submitters stay private."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.api_support import results
from tests.factories import (
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    WorkshopFactory,
)
from workshops.models import ProposalStatusChange

pytestmark = pytest.mark.django_db

PERSONAL_KEYS = (
    "submitter_name",
    "submitter_association",
    "submitter_email",
    "submitter_phone",
    "submitter_ip",
    "consent_given_at",
    "anonymized_at",
)
PERSONAL_VALUES = (
    "Fatima Zahra Personne",
    "Association Secrète",
    "fatima.private@example.test",
    "+212600112233",
    "203.0.113.77",
)


@pytest.fixture
def proposal_with_personal_data():
    return ProposalFactory(
        submitter_name=PERSONAL_VALUES[0],
        submitter_association=PERSONAL_VALUES[1],
        submitter_email=PERSONAL_VALUES[2],
        submitter_phone=PERSONAL_VALUES[3],
        submitter_ip=PERSONAL_VALUES[4],
        consent_given_at=timezone.now(),
        workshop=WorkshopFactory(),
        source="workshop",
    )


def every_api_url(proposal):
    lists = [
        "programs",
        "axes",
        "goals",
        "projects",
        "meetings",
        "workshops",
        "proposals",
        "organizations",
        "people",
        "memberships",
    ]
    urls = [f"/api/v1/{name}/" for name in lists]
    urls += [f"/api/v1/proposals/{proposal.pk}/", "/api/schema/"]
    return urls


@pytest.mark.parametrize("lang", ["ar", "fr", "all"])
def test_no_response_carries_a_submitters_personal_data(
    api, proposal_with_personal_data, lang
):
    for url in every_api_url(proposal_with_personal_data):
        response = api.get(url, {"lang": lang})
        assert response.status_code == 200, url
        body = response.content.decode()
        for value in PERSONAL_VALUES:
            assert value not in body, (url, value)
        if url != "/api/schema/":
            for key in PERSONAL_KEYS:
                assert f'"{key}"' not in body, (url, key)


def test_schema_documents_no_personal_field(api):
    schema = api.get("/api/schema/?format=json").content.decode()

    for key in PERSONAL_KEYS:
        assert key not in schema


def test_unpublished_proposals_are_not_listed(api):
    published = ProposalFactory()
    ProposalFactory(publication_status="draft")
    ProposalFactory(publication_status="review")

    assert [p["id"] for p in results(api.get("/api/v1/proposals/"))] == [published.pk]


def test_proposal_shows_status_history_answer_and_project(api):
    project = ProjectFactory()
    proposal = ProposalFactory(
        status="merged", project=project, public_answer_fr="Intégrée au projet."
    )
    ProposalStatusChange.objects.create(
        proposal=proposal, from_status="received", to_status="merged", note="interne"
    )

    data = api.get(f"/api/v1/proposals/{proposal.pk}/?lang=fr").json()

    assert data["public_answer"] == "Intégrée au projet."
    assert data["project"]["id"] == project.pk
    assert data["status_history"][0]["to_status"] == "merged"
    assert "interne" not in str(data)


def test_proposals_filter_by_status_and_axis(api):
    wanted = ProposalFactory(status="accepted")
    ProposalFactory(status="accepted")
    ProposalFactory(axis=wanted.axis, status="declined")

    found = results(
        api.get("/api/v1/proposals/", {"status": "accepted", "axis": wanted.axis_id})
    )

    assert [p["id"] for p in found] == [wanted.pk]


def test_kenitra_workshops_are_led_by_associations(api):
    call_command("load_kenitra", verbosity=0)

    workshops = results(api.get("/api/v1/workshops/?lang=fr"))

    assert len(workshops) == 4
    assert all(w["facilitators_note"] for w in workshops)
    assert all(w["meeting"]["id"] for w in workshops)


def test_workshop_of_a_draft_meeting_does_not_link_it(api):
    workshop = WorkshopFactory(meeting__publication_status="draft")

    assert api.get(f"/api/v1/workshops/{workshop.pk}/").json()["meeting"] is None


def make_workshops(count):
    for _ in range(count):
        workshop = WorkshopFactory()
        workshop.facilitators.add(OrganizationFactory())
        workshop.projects.add(ProjectFactory())


def make_proposals(count):
    for _ in range(count):
        proposal = ProposalFactory(
            workshop=WorkshopFactory(),
            source="workshop",
            carried_by=OrganizationFactory(),
            project=ProjectFactory(),
        )
        ProposalStatusChange.objects.create(proposal=proposal, to_status="received")


@pytest.mark.parametrize(
    ("endpoint", "make_rows", "queries"),
    [("workshops", make_workshops, 5), ("proposals", make_proposals, 4)],
)
@pytest.mark.parametrize("size", [5, 200])
def test_list_query_count_does_not_grow_with_rows(
    api, django_assert_num_queries, endpoint, make_rows, queries, size
):
    make_rows(size)

    with django_assert_num_queries(queries):
        response = api.get(f"/api/v1/{endpoint}/?page_size=100")

    assert len(response.json()["results"]) == min(size, 100)
