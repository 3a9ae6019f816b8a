"""The admin's lists: bulk actions by role, what waits for review, search and the
queries of each list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import PublicationStatus
from projects.models import Project
from tests import factories


def test_bulk_publish_and_unpublish_are_for_publishers_only(client, editor, publisher):
    drafts = factories.ProjectFactory.create_batch(
        3,
        publication_status=PublicationStatus.REVIEW,
        title_en="Project",
        summary_ar="",
    )
    ids = [str(p.pk) for p in drafts]
    url = reverse("admin:projects_project_changelist")

    client.force_login(editor)
    actions = client.get(url).context["action_form"].fields["action"].choices
    assert "publish_selected" not in dict(actions)
    client.post(url, {"action": "publish_selected", "_selected_action": ids})
    assert not Project.objects.published().exists()

    client.force_login(publisher)
    response = client.post(url, {"action": "publish_selected", "_selected_action": ids})
    assert response.status_code == 302
    assert Project.objects.published().count() == 3
    assert all(p.history.count() == 2 for p in Project.objects.all())
    assert set(Project.objects.values_list("last_edited_by", flat=True)) == {
        publisher.pk
    }

    client.post(url, {"action": "unpublish_selected", "_selected_action": ids[:1]})
    assert Project.objects.published().count() == 2


def test_editor_sends_drafts_to_review_in_bulk(client, editor):
    drafts = factories.ProjectFactory.create_batch(
        2, publication_status=PublicationStatus.DRAFT
    )
    client.force_login(editor)
    client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "send_to_review", "_selected_action": [p.pk for p in drafts]},
    )
    assert Project.objects.awaiting_review().count() == 2


def test_changelist_shows_how_many_records_wait_for_review(client, publisher):
    factories.ProjectFactory.create_batch(2, publication_status="review")
    factories.ProjectFactory(publication_status="draft")
    client.force_login(publisher)
    url = reverse("admin:projects_project_changelist")
    response = client.get(url)
    assert response.context["awaiting_review_count"] == 2
    assert 'href="?workflow=review"' in response.content.decode()
    response = client.get(url, {"workflow": "review"})
    assert response.context["cl"].result_count == 2


@pytest.mark.parametrize(
    "query",
    ["المشاركه المواطنه", "المشارَكة", "participation citoyenne", "PARTICIPATION"],
)
def test_admin_search_uses_the_site_normaliser(client, editor, query):
    factories.ProjectFactory(
        title_ar="المشاركة المواطنة", title_fr="La participation citoyenne"
    )
    factories.ProjectFactory(title_ar="الإنارة العمومية", title_fr="Éclairage")
    client.force_login(editor)
    response = client.get(reverse("admin:projects_project_changelist"), {"q": query})
    titles = [p.title_ar for p in response.context["cl"].result_list]
    assert titles == ["المشاركة المواطنة"]


ADMIN_LISTS = [
    ("projects", "project", factories.ProjectFactory),
    ("projects", "axis", factories.AxisFactory),
    ("consultations", "meeting", factories.MeetingFactory),
    ("consultations", "participation", factories.ParticipationFactory),
    ("consultations", "followupaction", factories.FollowUpActionFactory),
    ("consultations", "document", factories.DocumentFactory),
    ("workshops", "workshop", factories.WorkshopFactory),
    ("workshops", "proposal", factories.ProposalFactory),
]


@pytest.mark.parametrize(
    ("app_label", "model_name", "factory"), ADMIN_LISTS, ids=lambda v: str(v)
)
def test_admin_changelist_queries_do_not_grow_with_rows(
    client, publisher, django_assert_num_queries, app_label, model_name, factory
):
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    client.force_login(publisher)
    model = factory._meta.model

    def create(count):
        factory.create_batch(count)
        # The last editor is a column of the list: it must come in the same query.
        if hasattr(model, "last_edited_by"):
            model.objects.update(last_edited_by=publisher)

    create(5)
    client.get(url)  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as five:
        assert client.get(url).status_code == 200
    create(195)
    with django_assert_num_queries(len(five.captured_queries)):
        assert client.get(url).status_code == 200


def test_admin_index_lists_what_waits_for_review(client, publisher):
    factories.ProjectFactory.create_batch(2, publication_status="review")
    factories.MeetingFactory(publication_status="review")
    client.force_login(publisher)
    content = client.get(reverse("admin:index")).content.decode()
    assert (
        reverse("admin:projects_project_changelist") + "?workflow=review"
    ) in content
    assert (
        reverse("admin:consultations_meeting_changelist") + "?workflow=review"
    ) in content
