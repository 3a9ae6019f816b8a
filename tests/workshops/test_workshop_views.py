import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    AxisFactory,
    MeetingFactory,
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db


def workshop_list_url(language="ar"):
    with translation.override(language):
        return reverse("workshops:workshop_list")


def test_workshop_list_shows_axis_facilitators_and_published_proposal_count(client):
    workshop = WorkshopFactory(
        title_ar="ورشة المشاركة المواطنة",
        axis=AxisFactory(title_ar="المشاركة المواطنة"),
        facilitators_note_ar="ممثلو جمعيات المجتمع المدني",
    )
    ProposalFactory.create_batch(2, workshop=workshop, source="workshop")
    ProposalFactory(workshop=workshop, source="workshop", publication_status="draft")
    WorkshopFactory(title_ar="ورشة مسودة", publication_status="draft")

    response = client.get(workshop_list_url())

    page = response.content.decode()
    assert "ورشة المشاركة المواطنة" in page
    assert "المشاركة المواطنة" in page
    assert "ممثلو جمعيات المجتمع المدني" in page
    assert "مقترحان منشوران" in page
    assert "ورشة مسودة" not in page


@pytest.mark.parametrize("rows", [5, 200])
def test_workshop_list_query_count_does_not_grow(
    client, django_assert_num_queries, rows
):
    meeting = MeetingFactory()
    association = OrganizationFactory()
    for workshop in WorkshopFactory.create_batch(rows, meeting=meeting):
        workshop.facilitators.add(association)
        ProposalFactory(workshop=workshop, source="workshop", axis=workshop.axis)
    # count, page of workshops (meeting, axis), their facilitators, the page's
    # proposal counts, the commune's details (footer)
    with django_assert_num_queries(5):
        client.get(workshop_list_url())


def test_workshop_page_shows_facilitators_outcomes_and_published_proposals(client):
    workshop = WorkshopFactory(
        title_ar="ورشة الرقمنة",
        summary_ar="نقاش حول الخدمات الرقمية.",
        outcomes_ar="<ul><li>منصة للشكايات</li></ul>",
    )
    workshop.facilitators.add(OrganizationFactory(name_ar="جمعية أمل القنيطرة"))
    proposal = ProposalFactory(
        workshop=workshop, source="workshop", title="منصة للشكايات", status="accepted"
    )
    ProposalFactory(
        workshop=workshop,
        source="workshop",
        title="اقتراح مسودة",
        publication_status="draft",
    )

    page = client.get(workshop.get_absolute_url()).content.decode()

    assert "<h1>ورشة الرقمنة</h1>" in page
    assert "جمعية أمل القنيطرة" in page
    assert "نقاش حول الخدمات الرقمية." in page
    assert "<ul><li>منصة للشكايات</li></ul>" in page
    assert f'href="{proposal.get_absolute_url()}"' in page
    assert "مقبول" in page
    assert "اقتراح مسودة" not in page
    assert workshop.meeting.get_absolute_url() in page


def test_workshop_page_does_not_link_to_a_draft_meeting(client):
    workshop = WorkshopFactory(meeting=MeetingFactory(publication_status="draft"))
    page = client.get(workshop.get_absolute_url()).content.decode()
    assert workshop.meeting.get_absolute_url() not in page


def test_draft_workshop_is_not_found(client):
    workshop = WorkshopFactory(publication_status="draft")
    assert client.get(workshop.get_absolute_url()).status_code == 404


def test_workshop_page_in_french_marks_the_arabic_fallback(client):
    workshop = WorkshopFactory(title_fr=None, title_ar="ورشة البيئة")
    with translation.override("fr"):
        page = client.get(workshop.get_absolute_url()).content.decode()
    assert '<h1 lang="ar" dir="rtl">ورشة البيئة</h1>' in page
    assert '<html lang="fr" dir="ltr">' in page


@pytest.mark.parametrize("rows", [5, 200])
def test_workshop_page_query_count_does_not_grow(
    client, django_assert_num_queries, rows
):
    workshop = WorkshopFactory()
    for organization in OrganizationFactory.create_batch(rows):
        workshop.facilitators.add(organization)
    ProposalFactory.create_batch(
        rows, workshop=workshop, source="workshop", axis=workshop.axis
    )
    for project in ProjectFactory.create_batch(rows):
        workshop.projects.add(project)
    # workshop with meeting, venue and axis; facilitators; proposals; projects
    with django_assert_num_queries(5):
        client.get(workshop.get_absolute_url())
