"""A workshop's proposals, typed in by staff in the workshop's admin page."""

import pytest
from django.urls import reverse

from tests.factories import OrganizationFactory, ProposalFactory, WorkshopFactory
from tests.workshops.moderation_support import S, steps
from tests.workshops.proposal_support import _empty_cache, admin_form_data
from workshops.models import ProposalSource

__all__ = ["_empty_cache"]

pytestmark = pytest.mark.django_db


def workshop_change_url(workshop):
    return reverse("admin:workshops_workshop_change", args=[workshop.pk])


def add_inline_proposal(data, **values):
    index = int(data["proposals-TOTAL_FORMS"])
    data["proposals-TOTAL_FORMS"] = str(index + 1)
    for name, value in values.items():
        data[f"proposals-{index}-{name}"] = value
    return data


def test_staff_enter_a_workshops_proposals_with_the_association_that_carried_them(
    client, superuser
):
    workshop = WorkshopFactory()
    association = OrganizationFactory(name_ar="جمعية الأمل")
    client.force_login(superuser)
    data = admin_form_data(client.get(workshop_change_url(workshop)))
    add_inline_proposal(
        data,
        axis=str(workshop.axis.pk),
        title="ملعب القرب",
        text="تهيئة ملعب القرب في الحي الجديد",
        carried_by=str(association.pk),
        status=S.ACCEPTED,
        public_answer_ar="مبرمج في 2026",
        publication_status="published",
    )

    response = client.post(workshop_change_url(workshop), data)

    assert response.status_code == 302, response.context["errors"]
    proposal = workshop.proposals.get()
    assert proposal.source == ProposalSource.WORKSHOP
    assert proposal.carried_by == association
    assert proposal.reference.startswith("KNT-")
    assert steps(proposal) == [("", S.ACCEPTED, superuser.pk)]
    assert proposal.is_published


def test_workshop_proposals_follow_the_same_transitions(client, superuser):
    workshop = WorkshopFactory()
    proposal = ProposalFactory(
        workshop=workshop,
        source=ProposalSource.WORKSHOP,
        status=S.DECLINED,
        public_answer_ar="لا",
    )
    client.force_login(superuser)
    data = admin_form_data(client.get(workshop_change_url(workshop)))
    data["proposals-0-status"] = S.ACCEPTED

    response = client.post(workshop_change_url(workshop), data)

    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == S.DECLINED
