"""Writing through the API with a staff token: who may, the publishing rules, languages,
invalid and stale changes."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from projects.models import Project
from tests.factories import AxisFactory, OrganizationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user)}")
    return client


def new_project(axis, **fields):
    return {
        "axis_id": axis.pk,
        "title": {"ar": "مشروع جديد", "fr": "Nouveau projet"},
        "slug": "new-project",
        "status": "planned",
        "progress": 0,
        **fields,
    }


def test_anonymous_write_is_refused_and_changes_nothing(api):
    axis = AxisFactory()
    project = ProjectFactory(axis=axis, title_ar="كما هو")

    created = api.post("/api/v1/projects/", new_project(axis), format="json")
    changed = api.patch(
        f"/api/v1/projects/{project.pk}/", {"title": "مغير"}, format="json"
    )

    assert created.status_code == 401
    assert changed.status_code == 401
    assert Project.objects.count() == 1
    project.refresh_from_db()
    assert project.title_ar == "كما هو"


def test_bad_token_is_refused(api):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    assert api.post("/api/v1/projects/", {}, format="json").status_code == 401


def test_read_only_endpoints_refuse_writes_even_for_publishers(publisher):
    response = token_client(publisher).post(
        "/api/v1/proposals/", {"title": "x"}, format="json"
    )

    assert response.status_code == 405


def test_councillor_may_not_write(councillor):
    axis = AxisFactory()

    response = token_client(councillor).post(
        "/api/v1/projects/", new_project(axis), format="json"
    )

    assert response.status_code == 403
    assert not Project.objects.exists()


def test_editor_creates_a_draft(editor):
    axis = AxisFactory()

    response = token_client(editor).post(
        "/api/v1/projects/", new_project(axis), format="json"
    )

    assert response.status_code == 201, response.content
    project = Project.objects.get(slug="new-project")
    assert project.publication_status == "draft"
    assert project.title_fr == "Nouveau projet"
    assert project.last_edited_by == editor
    assert "private" in response["Cache-Control"]


def test_editor_may_not_publish(editor):
    axis = AxisFactory()

    response = token_client(editor).post(
        "/api/v1/projects/",
        new_project(axis, publication_status="published"),
        format="json",
    )

    assert response.status_code == 403
    assert not Project.objects.exists()


def test_editor_updates_a_draft_and_sends_it_for_review(editor):
    draft = ProjectFactory(publication_status="draft")

    response = token_client(editor).patch(
        f"/api/v1/projects/{draft.pk}/",
        {"title": "عنوان أفضل", "publication_status": "review"},
        format="json",
    )

    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert (draft.title_ar, draft.publication_status) == ("عنوان أفضل", "review")
    assert draft.version == 2


def test_editor_may_not_publish_a_draft_by_update(editor):
    draft = ProjectFactory(publication_status="review")

    response = token_client(editor).patch(
        f"/api/v1/projects/{draft.pk}/",
        {"publication_status": "published"},
        format="json",
    )

    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.publication_status == "review"


@pytest.mark.parametrize("status", ["draft", "review"])
def test_an_editor_cannot_unpublish_through_the_api(editor, status):
    published = ProjectFactory()

    response = token_client(editor).patch(
        f"/api/v1/projects/{published.pk}/",
        {"publication_status": status},
        format="json",
    )

    assert response.status_code == 403
    published.refresh_from_db()
    assert published.is_published


def test_editor_sees_drafts_through_the_api(editor):
    draft = ProjectFactory(publication_status="draft")

    response = token_client(editor).get(f"/api/v1/projects/{draft.pk}/")

    assert response.status_code == 200
    assert response.json()["publication_status"] == "draft"


def test_publisher_publishes(publisher):
    draft = ProjectFactory(publication_status="review")

    response = token_client(publisher).patch(
        f"/api/v1/projects/{draft.pk}/",
        {"publication_status": "published"},
        format="json",
    )

    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert draft.is_published
    assert draft.published_at is not None


def test_a_publisher_creates_a_published_project_through_the_publishing_module(
    publisher,
):
    axis = AxisFactory()

    response = token_client(publisher).post(
        "/api/v1/projects/",
        new_project(axis, publication_status="published"),
        format="json",
    )

    assert response.status_code == 201, response.content
    project = Project.objects.get(slug="new-project")
    assert project.is_published and project.published_at is not None
    assert project.last_edited_by == publisher
    (row,) = project.history.all()
    assert (row.history_change_reason, row.history_user) == ("Published", publisher)


def test_string_value_is_stored_in_the_requested_language(publisher):
    project = ProjectFactory(title_ar="عنوان", title_fr="")

    response = token_client(publisher).patch(
        f"/api/v1/projects/{project.pk}/?lang=fr", {"title": "Titre"}, format="json"
    )

    assert response.status_code == 200
    project.refresh_from_db()
    assert (project.title_ar, project.title_fr) == ("عنوان", "Titre")


@pytest.mark.parametrize(
    "change",
    [
        {"progress": 150},
        {"title": {"de": "Titel"}},
        {"title": ""},
        {"axis_id": 999999},
        {"end_date": "2020-01-01", "start_date": "2021-01-01"},
    ],
)
def test_invalid_write_is_a_400_and_changes_nothing(publisher, change):
    project = ProjectFactory(title_ar="عنوان", progress=10)

    response = token_client(publisher).patch(
        f"/api/v1/projects/{project.pk}/", change, format="json"
    )

    assert response.status_code == 400, response.content
    project.refresh_from_db()
    assert (project.title_ar, project.progress, project.end_date) == ("عنوان", 10, None)


def test_editor_creates_a_meeting_and_a_workshop(editor):
    client = token_client(editor)
    axis = AxisFactory()

    meeting = client.post(
        "/api/v1/meetings/",
        {
            "title": "لقاء تشاوري",
            "slug": "consultation",
            "kind": "consultation",
            "axis_ids": [axis.pk, AxisFactory(publication_status="draft").pk],
        },
        format="json",
    )
    workshop = client.post(
        "/api/v1/workshops/",
        {
            "title": "ورشة",
            "slug": "workshop",
            "meeting_id": meeting.json().get("id"),
            "axis_id": axis.pk,
            "facilitator_ids": [OrganizationFactory().pk],
        },
        format="json",
    )

    assert meeting.status_code == 201, meeting.content
    assert workshop.status_code == 201, workshop.content
    assert len(workshop.json()["facilitators"]) == 1
    assert [a["id"] for a in meeting.json()["axes"]] == [axis.pk]


def test_update_from_a_stale_version_is_refused_with_409(publisher):
    project = ProjectFactory(progress=10)
    client = token_client(publisher)
    read = client.get(f"/api/v1/projects/{project.pk}/").json()
    first = client.patch(
        f"/api/v1/projects/{project.pk}/",
        {"progress": 20, "version": read["version"]},
        format="json",
    )

    second = client.patch(
        f"/api/v1/projects/{project.pk}/",
        {"progress": 30, "version": read["version"]},
        format="json",
    )

    assert first.status_code == 200
    assert first.json()["version"] == read["version"] + 1
    assert second.status_code == 409
    project.refresh_from_db()
    assert project.progress == 20
