"""The staff workspace on the admin's home page, and the banner on every preview."""

import datetime

import pytest
from django.urls import reverse

from core import publishing
from core.models import Revision
from tests import factories
from tests.kenitra_portal.admin_support import form_data

pytestmark = pytest.mark.django_db


def workspace(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def test_an_editor_sees_their_drafts_what_was_sent_back_and_what_waits(
    client, editor, publisher
):
    draft = factories.ProjectFactory(
        publication_status="draft", title_ar="مسودتي", last_edited_by=editor
    )
    waiting = factories.MeetingFactory(
        publication_status="review", title_ar="لقاء ينتظر", last_edited_by=editor
    )
    sent_back = factories.ProjectFactory(
        publication_status="review", title_ar="مشروع أعيد", last_edited_by=editor
    )
    publishing.send_back(sent_back, by=publisher, note="أضيفوا الميزانية")
    factories.ProjectFactory(publication_status="draft", title_ar="مسودة غيري")

    page = workspace(client, editor)

    assert draft.title_ar in page
    assert waiting.title_ar in page
    assert sent_back.title_ar in page and "أضيفوا الميزانية" in page
    assert "مسودة غيري" not in page


def test_a_publisher_sees_every_change_waiting_with_counts(client, editor, publisher):
    project = factories.ProjectFactory(title_ar="مشروع منشور")
    client.force_login(editor)
    url = reverse("admin:projects_project_change", args=[project.pk])
    data = form_data(client.get(url))
    data["summary_ar"] = "تعديل"
    client.post(url, data)
    assert Revision.objects.count() == 1
    factories.MeetingFactory(publication_status="review")

    page = workspace(client, publisher)

    assert "مشروع منشور" in page
    assert "(1)" in page
    assert "?workflow=review" in page


def test_both_see_new_proposals_and_overdue_actions(client, editor, publisher):
    factories.ProposalFactory(publication_status="draft")
    factories.FollowUpActionFactory(due_date=datetime.date(2020, 1, 1), status="open")
    for user in (editor, publisher):
        page = workspace(client, user)
        assert "?moderation=new" in page
        assert "due_date__lt=" in page


def test_every_preview_says_it_is_not_published(client, editor):
    project = factories.ProjectFactory(publication_status="draft")
    client.force_login(editor)
    url = reverse(
        "preview",
        kwargs={"app_label": "projects", "model_name": "project", "pk": project.pk},
    )

    response = client.get(url)

    assert response.status_code == 200
    assert "preview-banner" in response.content.decode()
    client.logout()
    assert (
        "preview-banner"
        not in client.get(
            factories.ProjectFactory().get_absolute_url()
        ).content.decode()
    )
