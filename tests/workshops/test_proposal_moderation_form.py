"""Moderation in the admin's change form of a proposal: reasons, steps, publishing."""

import pytest
from django.core import mail

from core.models import Revision
from tests.factories import ProjectFactory, ProposalFactory
from tests.workshops.moderation_support import (
    S,
    change_url,
    editor,
    new_proposal,
    run_action,
    steps,
)
from tests.workshops.proposal_support import _empty_cache, admin_form_data, make_editor
from workshops import services

__all__ = ["_empty_cache", "editor", "new_proposal"]

pytestmark = pytest.mark.django_db


def test_declining_in_the_admin_without_a_reason_is_refused(
    client, editor, new_proposal
):
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(new_proposal)))
    data["status"] = S.DECLINED

    response = client.post(change_url(new_proposal), data)

    assert response.status_code == 200
    assert "public_answer_ar" in response.context["adminform"].form.errors
    new_proposal.refresh_from_db()
    assert new_proposal.status == S.RECEIVED


def test_declining_in_the_admin_is_told_to_the_author_once_a_publisher_publishes_it(
    client, editor, publisher, new_proposal, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(new_proposal)))
    data.update(
        status=S.DECLINED,
        public_answer_ar="الاقتراح خارج اختصاصات الجماعة",
        public_answer_fr="La proposition ne relève pas de la commune.",
        status_note="بعد استشارة المصلحة التقنية",
        publication_status="review",
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(new_proposal), data)

    assert response.status_code == 302
    new_proposal.refresh_from_db()
    assert new_proposal.status == S.DECLINED
    assert steps(new_proposal)[-1] == (S.RECEIVED, S.DECLINED, editor.pk)
    assert new_proposal.status_changes.last().note == "بعد استشارة المصلحة التقنية"
    assert new_proposal.answered_at is not None
    # Nothing reaches the citizen before a publisher has read the answer.
    assert mail.outbox == []

    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        run_action(client, "accept_for_publication", [new_proposal])

    [email] = mail.outbox
    assert email.to == [new_proposal.submitter_email]
    assert "La proposition ne relève pas de la commune." in email.body
    assert "/fr/proposals/follow/?reference=" in email.body

    # Published again later, it does not tell the same thing twice.
    with django_capture_on_commit_callbacks(execute=True):
        run_action(client, "unpublish_selected", [new_proposal])
        run_action(client, "accept_for_publication", [new_proposal])
    assert len(mail.outbox) == 1


def test_an_editor_may_not_skip_a_step_in_the_admin(client, editor):
    proposal = ProposalFactory(status=S.DECLINED, public_answer_ar="لا")
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(proposal)))
    data["status"] = S.ACCEPTED

    response = client.post(change_url(proposal), data)

    assert "status" in response.context["adminform"].form.errors
    proposal.refresh_from_db()
    assert proposal.status == S.DECLINED


def test_an_editor_links_the_project_a_proposal_became(client, editor, new_proposal):
    project = ProjectFactory()
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(new_proposal)))
    data.update(status=S.MERGED, project=str(project.pk))

    assert client.post(change_url(new_proposal), data).status_code == 302

    new_proposal.refresh_from_db()
    assert (new_proposal.status, new_proposal.project) == (S.MERGED, project)


def test_an_editor_may_not_publish_a_proposal_from_its_page(
    client, editor, new_proposal
):
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(new_proposal)))
    data["publication_status"] = "published"

    response = client.post(change_url(new_proposal), data)

    assert response.status_code == 200
    assert "publication_status" in response.context["adminform"].form.errors
    new_proposal.refresh_from_db()
    assert not new_proposal.is_published


def test_a_publisher_publishes_a_proposal_from_its_page(
    client, publisher, new_proposal
):
    client.force_login(publisher)
    data = admin_form_data(client.get(change_url(new_proposal)))
    data["publication_status"] = "published"

    assert client.post(change_url(new_proposal), data).status_code == 302

    new_proposal.refresh_from_db()
    assert new_proposal.is_published


def test_an_editors_answer_to_a_published_proposal_waits_for_a_publisher(
    client, editor, publisher, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(language="fr")
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(proposal)))
    data.update(status=S.ACCEPTED, public_answer_fr="Acceptée, elle sera étudiée.")

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url(proposal), data).status_code == 302

    proposal.refresh_from_db()
    assert (proposal.status, proposal.public_answer_fr or "") == (S.RECEIVED, "")
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Acceptée, elle sera étudiée." not in page
    assert mail.outbox == []

    client.force_login(publisher)
    data = admin_form_data(client.get(change_url(proposal)))
    data["revision"] = str(Revision.objects.get().pk)  # approving what was shown
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url(proposal), data).status_code == 302

    proposal.refresh_from_db()
    assert (proposal.status, proposal.public_answer_fr) == (
        S.ACCEPTED,
        "Acceptée, elle sera étudiée.",
    )
    [email] = mail.outbox
    assert "Acceptée, elle sera étudiée." in email.body


def test_a_page_left_open_while_the_status_changed_cannot_overwrite_it(
    client, editor, new_proposal
):
    client.force_login(editor)
    data = admin_form_data(client.get(change_url(new_proposal)))
    services.change_status(new_proposal, S.UNDER_STUDY, by=make_editor("other"))

    response = client.post(change_url(new_proposal), data)

    assert response.status_code == 200
    new_proposal.refresh_from_db()
    assert new_proposal.status == S.UNDER_STUDY
