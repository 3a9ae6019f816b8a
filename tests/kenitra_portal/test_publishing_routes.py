"""One publishing rule, whatever the route: an editor cannot publish, unpublish,
delete a published page or make an internal document public, through the admin's
form, a bulk action, the API with a token, proposal moderation or an inline."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from consultations.models import Document
from core import publishing
from projects.models import Milestone, Project
from tests import factories
from tests.kenitra_portal.admin_support import form_data
from workshops.models import Proposal

pytestmark = pytest.mark.django_db


def admin_url(obj, page="change"):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=[obj.pk])


def changelist(model):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def run_action(client, model, action, objects):
    return client.post(
        changelist(model),
        {"action": action, "_selected_action": [str(o.pk) for o in objects]},
    )


def token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user)}")
    return client


# --- The admin's change form -----------------------------------------------------------


@pytest.mark.parametrize("status", ["draft", "review"])
def test_the_form_offers_an_editor_no_way_to_unpublish(client, editor, status):
    project = factories.ProjectFactory()
    client.force_login(editor)
    response = client.get(admin_url(project))
    choices = [
        value
        for value, _label in response.context["adminform"]
        .form.fields["publication_status"]
        .choices
    ]
    assert choices == ["published"]

    data = form_data(response)
    data["publication_status"] = status
    response = client.post(admin_url(project), data)

    assert response.status_code == 200
    assert "publication_status" in response.context["adminform"].form.errors
    project.refresh_from_db()
    assert project.is_published


def test_a_publisher_unpublishes_from_the_form_and_the_date_is_cleared(
    client, publisher
):
    project = factories.ProjectFactory()
    assert project.published_at is not None
    client.force_login(publisher)
    data = form_data(client.get(admin_url(project)))
    data["publication_status"] = "draft"

    assert client.post(admin_url(project), data).status_code == 302

    project.refresh_from_db()
    assert (project.publication_status, project.published_at) == ("draft", None)


# --- Bulk actions ----------------------------------------------------------------------


def test_an_editor_cannot_publish_or_unpublish_in_bulk(client, editor):
    published = factories.ProjectFactory()
    waiting = factories.ProjectFactory(publication_status="review")
    client.force_login(editor)

    run_action(client, Project, "unpublish_selected", [published])
    run_action(client, Project, "publish_selected", [waiting])

    published.refresh_from_db()
    waiting.refresh_from_db()
    assert published.is_published
    assert waiting.publication_status == "review"


def test_an_editor_cannot_delete_a_published_page_in_bulk(client, editor):
    published = factories.ProjectFactory()
    client.force_login(editor)

    client.post(
        changelist(Project),
        {
            "action": "delete_selected",
            "_selected_action": [str(published.pk)],
            "post": "yes",
        },
    )

    assert Project.objects.filter(pk=published.pk).exists()


def test_unpublishing_clears_the_date_by_every_route(client, publisher):
    project = factories.ProjectFactory()
    client.force_login(publisher)

    run_action(client, Project, "unpublish_selected", [project])

    project.refresh_from_db()
    assert (project.publication_status, project.published_at) == ("draft", None)


# --- The API with a token --------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "to"),
    [("review", "published"), ("published", "draft"), ("published", "review")],
)
def test_an_editors_token_cannot_publish_or_unpublish(editor, start, to):
    project = factories.ProjectFactory(publication_status=start)

    response = token_client(editor).patch(
        f"/api/v1/projects/{project.pk}/", {"publication_status": to}, format="json"
    )

    assert response.status_code == 403
    project.refresh_from_db()
    assert project.publication_status == start


def test_an_editors_token_cannot_create_a_published_project(editor):
    axis = factories.AxisFactory()

    response = token_client(editor).post(
        "/api/v1/projects/",
        {
            "axis_id": axis.pk,
            "title": "مشروع",
            "slug": "new-project",
            "publication_status": "published",
        },
        format="json",
    )

    assert response.status_code in (400, 403)
    assert not Project.objects.filter(
        slug="new-project", publication_status="published"
    )


def test_a_publishers_token_unpublishes(publisher):
    project = factories.ProjectFactory()

    response = token_client(publisher).patch(
        f"/api/v1/projects/{project.pk}/",
        {"publication_status": "draft"},
        format="json",
    )

    assert response.status_code == 200
    project.refresh_from_db()
    assert (project.publication_status, project.published_at) == ("draft", None)


def test_the_api_has_no_delete(editor, publisher):
    project = factories.ProjectFactory()
    for user in (editor, publisher):
        response = token_client(user).delete(f"/api/v1/projects/{project.pk}/")
        assert response.status_code in (403, 405)
    assert Project.objects.filter(pk=project.pk).exists()


# --- Proposal moderation ---------------------------------------------------------------


def test_moderation_does_not_let_an_editor_publish_a_proposal(client, editor):
    proposal = factories.ProposalFactory(publication_status="review")
    client.force_login(editor)

    run_action(client, Proposal, "accept_for_publication", [proposal])
    with pytest.raises(publishing.PermissionDenied):
        publishing.publish(proposal, by=editor)

    proposal.refresh_from_db()
    assert not proposal.is_published


def test_an_editor_cannot_publish_a_proposal_from_a_workshops_inline(client, editor):
    workshop = factories.WorkshopFactory(publication_status="draft")
    proposal = factories.ProposalFactory(
        workshop=workshop, source="workshop", publication_status="draft"
    )
    client.force_login(editor)
    response = client.get(admin_url(workshop))
    data = form_data(response)
    data["proposals-0-publication_status"] = "published"

    response = client.post(admin_url(workshop), data)

    assert response.status_code == 200
    proposal.refresh_from_db()
    assert not proposal.is_published


# --- Documents: internal → public is a publisher's decision ----------------------------


def test_an_editor_cannot_make_an_internal_document_public_in_the_meeting_inline(
    client, editor
):
    meeting = factories.MeetingFactory(publication_status="draft")
    document = factories.DocumentFactory(meeting=meeting, is_public=False)
    client.force_login(editor)
    data = form_data(client.get(admin_url(meeting)))
    data["documents-0-is_public"] = "on"

    response = client.post(admin_url(meeting), data)

    assert response.status_code == 200
    document.refresh_from_db()
    assert not document.is_public


def test_an_editor_cannot_make_an_internal_document_public_on_its_own_page(
    client, editor
):
    document = factories.DocumentFactory(
        meeting=factories.MeetingFactory(publication_status="draft"), is_public=False
    )
    client.force_login(editor)
    data = form_data(client.get(admin_url(document)))
    data["is_public"] = "on"

    response = client.post(admin_url(document), data)

    assert response.status_code == 200
    assert "is_public" in response.context["adminform"].form.errors
    document.refresh_from_db()
    assert not document.is_public


def test_an_editor_cannot_add_a_public_document(client, editor):
    meeting = factories.MeetingFactory(publication_status="draft")
    client.force_login(editor)
    response = client.get(admin_url(meeting))
    data = form_data(response)
    data.update(
        {
            "documents-TOTAL_FORMS": "1",
            "documents-0-title_ar": "محضر",
            "documents-0-kind": "minutes",
            "documents-0-is_public": "on",
        }
    )

    client.post(admin_url(meeting), data)

    assert not Document.objects.filter(is_public=True).exists()


def test_a_publisher_makes_a_document_public(client, publisher):
    document = factories.DocumentFactory(is_public=False)
    client.force_login(publisher)
    data = form_data(client.get(admin_url(document)))
    data["is_public"] = "on"

    assert client.post(admin_url(document), data).status_code == 302

    document.refresh_from_db()
    assert document.is_public


# --- Parts of a published page ---------------------------------------------------------


def test_an_editor_cannot_add_a_part_to_a_published_page_on_its_own(client, editor):
    project = factories.ProjectFactory()
    client.force_login(editor)
    url = reverse("admin:projects_milestone_add")
    data = form_data(client.get(url))
    data.update(project=str(project.pk), title_ar="مرحلة", order="0")

    response = client.post(url, data)

    assert response.status_code == 200
    assert not Milestone.objects.exists()


def test_an_editors_change_to_a_part_of_a_published_page_waits(client, editor):
    milestone = factories.MilestoneFactory(title_ar="مرحلة منشورة")
    client.force_login(editor)
    data = form_data(client.get(admin_url(milestone)))
    data["title_ar"] = "مرحلة معدلة"

    assert client.post(admin_url(milestone), data).status_code == 302

    milestone.refresh_from_db()
    assert milestone.title_ar == "مرحلة منشورة"
