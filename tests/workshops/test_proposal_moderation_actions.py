"""Moderation by the admin's actions on a selection of proposals."""

import pytest

from tests.factories import ProposalFactory
from tests.workshops.moderation_support import S, editor, run_action, steps
from tests.workshops.proposal_support import _empty_cache, make_staff
from workshops.models import Proposal

__all__ = ["_empty_cache", "editor"]

pytestmark = pytest.mark.django_db


def test_accept_for_publication_publishes_the_selection(client, publisher):
    waiting = ProposalFactory.create_batch(2, publication_status="draft")
    client.force_login(publisher)

    run_action(client, "accept_for_publication", waiting)

    assert Proposal.objects.published().count() == 2


def test_an_editor_cannot_accept_for_publication(client, editor):
    waiting = ProposalFactory.create_batch(2, publication_status="review")
    client.force_login(editor)

    run_action(client, "accept_for_publication", waiting)

    assert Proposal.objects.published().count() == 0


def test_an_editor_cannot_change_the_status_of_a_published_proposal_in_bulk(
    client, editor
):
    published = ProposalFactory()
    client.force_login(editor)

    response = run_action(client, "mark_under_study", [published])

    published.refresh_from_db()
    assert published.status == S.RECEIVED
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(published.reference in m for m in messages)


def test_mark_under_study_records_each_proposal(client, editor):
    proposals = ProposalFactory.create_batch(2, publication_status="draft")
    client.force_login(editor)

    run_action(client, "mark_under_study", proposals)

    for proposal in proposals:
        assert steps(proposal)[-1] == (S.RECEIVED, S.UNDER_STUDY, editor.pk)


def test_an_action_that_cannot_apply_says_so_and_changes_nothing(client, editor):
    declined = ProposalFactory(status=S.DECLINED, public_answer_ar="لا")
    client.force_login(editor)

    response = run_action(client, "mark_accepted", [declined])

    declined.refresh_from_db()
    assert declined.status == S.DECLINED
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(declined.reference in m for m in messages)


def test_merge_duplicates_keeps_the_oldest(client, editor):
    oldest = ProposalFactory(title="الأقدم", publication_status="draft")
    newer = ProposalFactory.create_batch(2, publication_status="draft")
    client.force_login(editor)

    run_action(client, "merge_duplicates", [*newer, oldest])

    oldest.refresh_from_db()
    assert oldest.status == S.RECEIVED
    for proposal in newer:
        proposal.refresh_from_db()
        assert (proposal.status, proposal.merged_into) == (S.MERGED, oldest)


def test_staff_without_a_role_cannot_run_moderation_actions(client):
    proposal = ProposalFactory(publication_status="draft")
    client.force_login(make_staff("clerk"))

    response = run_action(client, "accept_for_publication", [proposal])

    assert response.status_code == 403
    proposal.refresh_from_db()
    assert not proposal.is_published
