"""Moderation: the transitions a proposal may take, who may make them, and the admin's
queue. The change form, the actions and the workshop inline have modules of their own."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core import permissions
from tests.factories import ProjectFactory, ProposalFactory
from tests.workshops.moderation_support import (
    CHANGELIST,
    S,
    editor,
    new_proposal,
    steps,
)
from tests.workshops.proposal_support import _empty_cache, make_staff
from workshops import services

__all__ = ["_empty_cache", "editor", "new_proposal"]

pytestmark = pytest.mark.django_db


# --- The service: transitions and who may make them -------------------------------------


def test_a_status_change_is_dated_and_kept_with_who_made_it(editor, new_proposal):
    services.change_status(new_proposal, S.UNDER_STUDY, by=editor, note="للدراسة")

    change = new_proposal.status_changes.last()
    assert (change.from_status, change.to_status) == (S.RECEIVED, S.UNDER_STUDY)
    assert change.changed_by == editor
    assert change.note == "للدراسة"
    assert change.changed_at is not None
    assert new_proposal.answered_at == change.changed_at


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ([S.UNDER_STUDY, S.ACCEPTED], True),
        ([S.ACCEPTED, S.UNDER_STUDY], True),
        ([S.DECLINED, S.UNDER_STUDY, S.ACCEPTED], True),
        ([S.DECLINED, S.ACCEPTED], False),
        ([S.UNDER_STUDY, S.RECEIVED], False),
    ],
)
def test_transitions(editor, new_proposal, path, allowed):
    answer = {"ar": "جواب الجماعة"}

    def walk():
        for status in path:
            services.change_status(
                new_proposal, status, by=editor, public_answer=answer
            )

    if allowed:
        walk()
        assert new_proposal.status == path[-1]
    else:
        with pytest.raises(ValidationError) as caught:
            walk()
        assert "status" in caught.value.message_dict


def test_declining_needs_a_public_reason(editor, new_proposal):
    with pytest.raises(ValidationError) as caught:
        services.change_status(new_proposal, S.DECLINED, by=editor)

    assert "public_answer" in caught.value.message_dict
    new_proposal.refresh_from_db()
    assert new_proposal.status == S.RECEIVED
    assert len(steps(new_proposal)) == 1


def test_merging_needs_the_project_or_the_proposal_it_went_into(editor, new_proposal):
    with pytest.raises(ValidationError):
        services.change_status(new_proposal, S.MERGED, by=editor)

    project = ProjectFactory()
    services.change_status(new_proposal, S.MERGED, by=editor, project=project)

    new_proposal.refresh_from_db()
    assert (new_proposal.status, new_proposal.project) == (S.MERGED, project)


def test_a_proposal_cannot_be_merged_into_itself(editor, new_proposal):
    with pytest.raises(ValidationError):
        services.change_status(
            new_proposal, S.MERGED, by=editor, merged_into=new_proposal
        )


@pytest.mark.parametrize("who", ["anonymous", "staff without a role", "councillor"])
def test_only_editors_and_publishers_may_moderate(new_proposal, who):
    user = {
        "anonymous": lambda: AnonymousUser(),
        "staff without a role": lambda: make_staff("clerk"),
        "councillor": lambda: make_staff("councillor", permissions.COUNCILLOR),
    }[who]()

    with pytest.raises(PermissionDenied):
        services.change_status(new_proposal, S.UNDER_STUDY, by=user)
    with pytest.raises(PermissionDenied):
        services.publish(new_proposal, by=user)

    new_proposal.refresh_from_db()
    assert (new_proposal.status, new_proposal.is_published) == (S.RECEIVED, False)


def test_publishers_may_moderate_too(new_proposal):
    publisher = make_staff("publisher", permissions.PUBLISHER)

    services.change_status(new_proposal, S.ACCEPTED, by=publisher)
    services.publish(new_proposal, by=publisher)

    new_proposal.refresh_from_db()
    assert (new_proposal.status, new_proposal.is_published) == (S.ACCEPTED, True)


def test_a_status_changed_by_any_path_still_leaves_its_row(new_proposal):
    new_proposal.status = S.UNDER_STUDY
    new_proposal.save()

    assert steps(new_proposal)[-1] == (S.RECEIVED, S.UNDER_STUDY, None)


# --- The admin: who gets in, the queue and its counts -----------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse(CHANGELIST))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_staff_without_a_role_cannot_open_the_queue(client):
    client.force_login(make_staff("clerk"))

    assert client.get(reverse(CHANGELIST)).status_code == 403


def test_the_queue_counts_what_waits_for_the_editors(client, editor):
    ProposalFactory.create_batch(2, publication_status="draft")
    ProposalFactory(publication_status="review")
    ProposalFactory()  # published, not answered
    ProposalFactory(status=S.UNDER_STUDY)
    ProposalFactory(status=S.ACCEPTED)
    client.force_login(editor)

    response = client.get(reverse(CHANGELIST))

    assert response.context["moderation_counts"] == {
        "new": 3,
        "unanswered": 1,
        "under_study": 1,
    }
    assert "?moderation=new" in response.content.decode()


def test_the_queue_of_200_proposals_takes_a_handful_of_queries(
    client, editor, django_assert_max_num_queries
):
    ProposalFactory.create_batch(200, last_edited_by=editor)
    client.force_login(editor)
    client.get(reverse(CHANGELIST))  # content types and permissions, cached

    # Session and user, roles, the moderation counts in one aggregate, the date
    # hierarchy, the axis filter, the counts of the page, the page with its axis
    # and editor: no facet counts unless asked, nothing per row.
    with django_assert_max_num_queries(12):
        response = client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    assert "_facets" in response.content.decode()  # the counts, one click away


def test_the_new_queue_lists_only_unpublished_unanswered_proposals(client, editor):
    waiting = ProposalFactory(publication_status="draft")
    ProposalFactory()
    ProposalFactory(publication_status="draft", status=S.UNDER_STUDY)
    client.force_login(editor)

    response = client.get(reverse(CHANGELIST), {"moderation": "new"})

    assert list(response.context["cl"].result_list) == [waiting]
