"""What the moderation tests share: the moderator persona, a new proposal, the admin's
addresses and the steps a proposal took."""

import pytest
from django.urls import reverse

from tests.factories import ProposalFactory
from tests.workshops.proposal_support import make_editor
from workshops.models import ProposalStatus

S = ProposalStatus
CHANGELIST = "admin:workshops_proposal_changelist"


def change_url(proposal):
    return reverse("admin:workshops_proposal_change", args=[proposal.pk])


def steps(proposal):
    return list(
        proposal.status_changes.values_list("from_status", "to_status", "changed_by")
    )


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def new_proposal():
    return ProposalFactory(publication_status="draft", language="fr")


def run_action(client, action, proposals):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [str(p.pk) for p in proposals]},
    )
