"""An editor's change to a published page waits as a revision: every public surface
keeps the published version until a publisher approves it, then shows the change."""

import pytest
from django.core import mail
from django.urls import reverse

from core.models import Revision, RevisionState, SearchableModel
from tests import factories
from tests.kenitra_portal.admin_support import form_data

pytestmark = pytest.mark.django_db

NEW_WORD = "كلمةجديدةللمراجعة"
NEW_CHILD_WORD = "صيغةمعدلةللعنصر"


def admin_url(obj, page="change"):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=[obj.pk])


def project_case():
    project = factories.ProjectFactory(summary_ar="ملخص منشور")
    factories.MilestoneFactory(project=project, title_ar="مرحلة منشورة")
    return project, "summary_ar", "milestones", "title_ar", "projects"


def meeting_case():
    meeting = factories.MeetingFactory(summary_ar="ملخص منشور")
    factories.AgendaItemFactory(meeting=meeting, title_ar="نقطة منشورة")
    return meeting, "summary_ar", "agenda_items", "title_ar", "meetings"


def workshop_case():
    workshop = factories.WorkshopFactory(summary_ar="ملخص منشور")
    factories.ProposalFactory(
        workshop=workshop, source="workshop", title="اقتراح منشور"
    )
    return workshop, "summary_ar", "proposals", "title", "workshops"


def axis_case():
    axis = factories.AxisFactory(description_ar="وصف منشور")
    factories.GoalFactory(axis=axis, title_ar="هدف منشور")
    return axis, "description_ar", "goals", "title_ar", "axes"


CASES = [project_case, meeting_case, workshop_case, axis_case]


def inline_prefix(response, related_name):
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == related_name:
            return inline.formset.prefix
    raise AssertionError(related_name)


def edit(client, obj, field, related_name, child_field):
    """Change a translated field and the first row of an inline, as the form would."""
    response = client.get(admin_url(obj))
    data = form_data(response)
    prefix = inline_prefix(response, related_name)
    data[field] = NEW_WORD
    data[f"{prefix}-0-{child_field}"] = NEW_CHILD_WORD
    return client.post(admin_url(obj), data)


def public_surfaces(client, obj, api_prefix):
    """What a visitor and an API client get; and whether search finds the new word."""
    client.logout()
    pages = [
        client.get(obj.get_absolute_url()),
        client.get(f"/api/v1/{api_prefix}/{obj.pk}/"),
    ]
    for response in pages:
        assert response.status_code == 200
    text = " ".join(page.content.decode() for page in pages)
    if isinstance(obj, SearchableModel):
        found = client.get(reverse("search"), {"q": NEW_WORD}).content.decode()
        if obj.get_absolute_url() in found:
            text += " " + NEW_WORD + " (search)"
    return text


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
def test_an_editors_change_waits_until_a_publisher_approves_it(
    client, editor, publisher, case
):
    obj, field, related_name, child_field, api_prefix = case()
    client.force_login(editor)

    response = edit(client, obj, field, related_name, child_field)

    assert response.status_code == 302
    revision = Revision.objects.get()
    assert (revision.state, revision.author) == (RevisionState.PENDING, editor)
    obj.refresh_from_db()
    assert getattr(obj, field) != NEW_WORD
    assert obj.is_published
    seen = public_surfaces(client, obj, api_prefix)
    assert NEW_WORD not in seen
    assert NEW_CHILD_WORD not in seen

    # The editor finds their change again in the form.
    client.force_login(editor)
    again = client.get(admin_url(obj))
    assert again.context["adminform"].form[field].value() == NEW_WORD

    # The publisher sees what changes, field by field, the inline row included.
    client.force_login(publisher)
    review = client.get(admin_url(obj))
    changes = review.context["revision_changes"]
    rows = [(s["kind"], r["after"]) for s in changes for r in s["fields"]]
    assert ("", NEW_WORD) in rows
    assert any(after == NEW_CHILD_WORD for _kind, after in rows)
    content = review.content.decode()
    assert NEW_WORD in content and "<del>" in content

    approval = form_data(review)
    approval["revision"] = str(revision.pk)  # the form that showed the revision
    assert client.post(admin_url(obj), approval).status_code == 302

    revision.refresh_from_db()
    assert (revision.state, revision.reviewed_by) == (RevisionState.APPROVED, publisher)
    obj.refresh_from_db()
    assert getattr(obj, field) == NEW_WORD
    seen = public_surfaces(client, obj, api_prefix)
    assert NEW_WORD in seen
    assert NEW_CHILD_WORD in seen


def test_a_publisher_sends_a_change_back_and_the_editor_sees_why(
    client, editor, publisher
):
    project, field, related_name, child_field, _prefix = project_case()
    client.force_login(editor)
    edit(client, project, field, related_name, child_field)

    client.force_login(publisher)
    send_back = admin_url(project, "send_back")
    refused = client.post(send_back, {"review_note": "  "})
    assert refused.status_code == 302
    assert Revision.objects.get().state == RevisionState.PENDING
    client.post(send_back, {"review_note": "صححوا تاريخ الانطلاق"})

    revision = Revision.objects.get()
    assert (revision.state, revision.reviewed_by) == (
        RevisionState.SENT_BACK,
        publisher,
    )
    client.force_login(editor)
    page = client.get(admin_url(project))
    assert "صححوا تاريخ الانطلاق" in page.content.decode()
    assert page.context["adminform"].form[field].value() == NEW_WORD

    # Saved again, the same revision waits for review again; nothing went live.
    data = form_data(page)
    data[field] = NEW_WORD + " مصحح"
    assert client.post(admin_url(project), data).status_code == 302
    revision.refresh_from_db()
    assert revision.state == RevisionState.PENDING
    assert Revision.objects.count() == 1
    project.refresh_from_db()
    assert project.summary_ar == "ملخص منشور"


def test_a_publishers_save_from_a_page_opened_before_the_change_leaves_it_waiting(
    client, editor, publisher
):
    project, field, related_name, child_field, _prefix = project_case()
    client.force_login(publisher)
    before = form_data(client.get(admin_url(project)))
    client.force_login(editor)
    edit(client, project, field, related_name, child_field)

    client.force_login(publisher)
    before["location_ar"] = "الساكنية"
    assert client.post(admin_url(project), before).status_code == 302

    assert Revision.objects.get().state == RevisionState.PENDING
    project.refresh_from_db()
    assert (project.location_ar, project.summary_ar) == ("الساكنية", "ملخص منشور")


def test_an_editor_cannot_send_a_change_back(client, editor):
    project, field, related_name, child_field, _prefix = project_case()
    client.force_login(editor)
    edit(client, project, field, related_name, child_field)

    response = client.post(admin_url(project, "send_back"), {"review_note": "لا"})

    assert response.status_code == 403
    assert Revision.objects.get().state == RevisionState.PENDING


def test_a_publishers_own_edit_goes_live_at_once(client, publisher):
    project, field, related_name, child_field, _prefix = project_case()
    client.force_login(publisher)

    assert edit(client, project, field, related_name, child_field).status_code == 302

    project.refresh_from_db()
    assert project.summary_ar == NEW_WORD
    assert project.milestones.get().title_ar == NEW_CHILD_WORD
    assert not Revision.objects.exists()


def test_an_editors_change_to_a_draft_is_saved_at_once(client, editor):
    project = factories.ProjectFactory(publication_status="draft")
    client.force_login(editor)
    data = form_data(client.get(admin_url(project)))
    data["summary_ar"] = NEW_WORD

    assert client.post(admin_url(project), data).status_code == 302

    project.refresh_from_db()
    assert project.summary_ar == NEW_WORD
    assert not Revision.objects.exists()


def test_a_new_image_waits_with_the_revision_and_is_kept_on_approval(
    client, editor, publisher
):
    from tests.kenitra_portal.test_admin_access import png_upload

    project = factories.ProjectFactory()
    client.force_login(editor)
    response = client.get(admin_url(project))
    data = form_data(response)
    prefix = inline_prefix(response, "images")
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-image": png_upload(),
            f"{prefix}-0-alt_text_ar": "صورة الورش",
            f"{prefix}-0-order": "0",
        }
    )
    assert client.post(admin_url(project), data).status_code == 302
    assert not project.images.exists()

    client.force_login(publisher)
    review = client.get(admin_url(project))
    assert any(s["kind"] for s in review.context["revision_changes"])
    # The browser sends no file again: the revision's own is used.
    approval = {**form_data(review), "revision": str(Revision.objects.get().pk)}
    assert client.post(admin_url(project), approval).status_code == 302
    assert project.images.get().alt_text_ar == "صورة الورش"


def test_no_status_email_leaves_while_the_change_waits(
    client, editor, django_capture_on_commit_callbacks
):
    proposal = factories.ProposalFactory(language="ar")
    client.force_login(editor)
    from tests.workshops.proposal_support import admin_form_data

    url = reverse("admin:workshops_proposal_change", args=[proposal.pk])
    data = admin_form_data(client.get(url))
    data.update(status="under_study")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert mail.outbox == []
