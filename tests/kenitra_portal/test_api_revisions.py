"""An editor's change to a published record through the API waits as a revision, as
in the admin: 202 with where it waits, every public surface unchanged, then live
once a publisher approves it in the admin."""

import pytest

from core.api_revisions import REVISION_KEPT
from core.models import Revision, RevisionState
from tests import factories
from tests.kenitra_portal.admin_support import form_data
from tests.kenitra_portal.test_api_writes import token_client
from tests.kenitra_portal.test_revisions import NEW_WORD, admin_url, public_surfaces

pytestmark = pytest.mark.django_db

NEW_FRENCH = "Motnouveaupourlarevue"


def project_case():
    project = factories.ProjectFactory(summary_ar="ملخص منشور", progress=10)
    return project, "projects", {"progress": 40}, {"progress": 40}


def meeting_case():
    meeting = factories.MeetingFactory(summary_ar="ملخص منشور")
    axis = factories.AxisFactory()
    # Its start is kept in the revision as the admin's two inputs, date and time.
    return (
        meeting,
        "meetings",
        {"axis_ids": [axis.pk]},
        {"axes": [axis], "start": meeting.start.replace(microsecond=0)},
    )


def workshop_case():
    workshop = factories.WorkshopFactory(summary_ar="ملخص منشور")
    return workshop, "workshops", {}, {}


CASES = [project_case, meeting_case, workshop_case]


def live_value(obj, name):
    value = getattr(type(obj).objects.get(pk=obj.pk), name)
    return list(value.all()) if hasattr(value, "all") else value


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_an_editors_api_change_to_a_published_record_waits_for_a_publisher(
    client, editor, publisher, case
):
    obj, prefix, extra, expected = case()
    before = {name: live_value(obj, name) for name in expected}

    response = token_client(editor).patch(
        f"/api/v1/{prefix}/{obj.pk}/",
        {"summary": {"ar": NEW_WORD, "fr": NEW_FRENCH}, **extra},
        format="json",
    )

    assert response.status_code == 202, response.content
    revision = Revision.objects.get()
    assert (revision.state, revision.author) == (RevisionState.PENDING, editor)
    body = response.json()
    assert body["detail"] == str(REVISION_KEPT)  # in Arabic, the request's language
    assert body["revision"]["id"] == revision.pk
    assert body["revision"]["state"] == "pending"
    assert body["revision"]["base_version"] == obj.version
    assert body["revision"]["review_url"].endswith(admin_url(obj))
    assert response["Location"] == body["revision"]["review_url"]
    obj.refresh_from_db()
    assert (obj.summary_ar, obj.summary_fr, obj.version) == ("ملخص منشور", None, 1)
    assert {name: live_value(obj, name) for name in expected} == before
    seen = public_surfaces(client, obj, prefix)
    assert NEW_WORD not in seen and NEW_FRENCH not in seen

    # The publisher reviews it in the admin, where it shows field by field.
    client.force_login(publisher)
    review = client.get(admin_url(obj))
    changes = [
        row["after"] for s in review.context["revision_changes"] for row in s["fields"]
    ]
    assert NEW_WORD in changes and NEW_FRENCH in changes
    approval = {**form_data(review), "revision": str(revision.pk)}
    assert client.post(admin_url(obj), approval).status_code == 302

    revision.refresh_from_db()
    assert (revision.state, revision.reviewed_by) == (RevisionState.APPROVED, publisher)
    obj.refresh_from_db()
    assert (obj.summary_ar, obj.summary_fr) == (NEW_WORD, NEW_FRENCH)
    assert {name: live_value(obj, name) for name in expected} == expected
    assert obj.is_published
    assert NEW_WORD in public_surfaces(client, obj, prefix)


def test_approving_an_api_change_changes_only_what_it_sent(client, editor, publisher):
    project = factories.ProjectFactory(
        summary_ar="ملخص منشور", location_ar="الساكنية", progress=10, budget=1000
    )
    token_client(editor).patch(
        f"/api/v1/projects/{project.pk}/", {"progress": 60}, format="json"
    )

    client.force_login(publisher)
    review = client.get(admin_url(project))
    changes = review.context["revision_changes"]
    assert [(row["before"], row["after"]) for s in changes for row in s["fields"]] == [
        ("10", "60")
    ]
    approval = {**form_data(review), "revision": str(Revision.objects.get().pk)}
    client.post(admin_url(project), approval)

    project.refresh_from_db()
    assert (project.progress, project.budget, project.location_ar) == (
        60,
        1000,
        "الساكنية",
    )
    assert project.summary_ar == "ملخص منشور"


def test_a_second_api_change_adds_to_the_same_revision(editor):
    project = factories.ProjectFactory(progress=10)
    client = token_client(editor)

    client.patch(f"/api/v1/projects/{project.pk}/", {"progress": 30}, format="json")
    second = client.patch(
        f"/api/v1/projects/{project.pk}/",
        {"location": {"ar": "المغرب العربي"}},
        format="json",
    )

    assert second.status_code == 202
    revision = Revision.objects.get()
    assert revision.data["progress"] == ["30"]
    assert revision.data["location_ar"] == ["المغرب العربي"]


def test_an_editors_change_to_a_sent_back_revision_goes_back_to_review(
    client, editor, publisher
):
    project = factories.ProjectFactory(progress=10)
    api = token_client(editor)
    api.patch(f"/api/v1/projects/{project.pk}/", {"progress": 30}, format="json")
    client.force_login(publisher)
    client.post(admin_url(project, "send_back"), {"review_note": "ليس بعد"})
    assert Revision.objects.get().state == RevisionState.SENT_BACK

    response = api.patch(
        f"/api/v1/projects/{project.pk}/", {"progress": 35}, format="json"
    )

    assert response.status_code == 202
    revision = Revision.objects.get()
    assert (revision.state, revision.data["progress"]) == ("pending", ["35"])


@pytest.mark.parametrize("status", ["draft", "review"])
def test_an_editor_still_cannot_unpublish_and_no_revision_is_kept(editor, status):
    project = factories.ProjectFactory(progress=10)

    response = token_client(editor).patch(
        f"/api/v1/projects/{project.pk}/",
        {"progress": 50, "publication_status": status},
        format="json",
    )

    assert response.status_code == 403
    assert not Revision.objects.exists()
    project.refresh_from_db()
    assert (project.progress, project.is_published) == (10, True)


def test_an_invalid_api_change_is_a_400_and_keeps_no_revision(editor):
    project = factories.ProjectFactory(progress=10)

    response = token_client(editor).patch(
        f"/api/v1/projects/{project.pk}/", {"progress": 150}, format="json"
    )

    assert response.status_code == 400
    assert not Revision.objects.exists()


def test_an_api_change_from_a_stale_version_is_refused_and_keeps_no_revision(
    editor,
):
    project = factories.ProjectFactory(progress=10)

    response = token_client(editor).patch(
        f"/api/v1/projects/{project.pk}/",
        {"progress": 50, "version": project.version + 1},
        format="json",
    )

    assert response.status_code == 409
    assert not Revision.objects.exists()


def test_a_publishers_api_change_goes_live_at_once(publisher):
    project = factories.ProjectFactory(progress=10)

    response = token_client(publisher).patch(
        f"/api/v1/projects/{project.pk}/", {"progress": 50}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["progress"] == 50
    assert not Revision.objects.exists()


def test_an_editors_api_change_to_a_draft_is_saved_at_once(editor):
    draft = factories.ProjectFactory(publication_status="draft", progress=10)

    response = token_client(editor).patch(
        f"/api/v1/projects/{draft.pk}/", {"progress": 50}, format="json"
    )

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.progress == 50
    assert not Revision.objects.exists()


def test_the_schema_documents_the_pending_revision_answer(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()

    for method in ("put", "patch"):
        operation = schema["paths"]["/api/v1/projects/{id}/"][method]
        accepted = operation["responses"]["202"]
        assert "pending revision" in accepted["description"]
        assert "Location" in accepted["headers"]
        ref = accepted["content"]["application/json"]["schema"]["$ref"]
        assert ref.rsplit("/", 1)[-1] in schema["components"]["schemas"]
    assert "202" not in schema["paths"]["/api/v1/projects/"]["post"]["responses"]
