"""Law 09-08: a petition's agent is erased after the same retention period as a
proposal's submitter, by the same rule (core/personal_data.py); the petition stays
in the register."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core import personal_data
from core.models import Revision
from petitions.models import Petition
from tests.factories import PetitionFactory, ProposalFactory
from tests.kenitra_portal.admin_support import form_data
from workshops.models import Proposal

pytestmark = pytest.mark.django_db

AGENT = {"agent_name": "سعاد العلوي", "agent_contact": "souad.alaoui@example.ma"}


def received_days_ago(days, **fields):
    today = timezone.localdate()
    return PetitionFactory(**AGENT, received_on=today - timedelta(days=days), **fields)


def dump(*labels):
    out = StringIO()
    call_command("dumpdata", *labels, stdout=out)
    return out.getvalue()


def test_one_rule_covers_proposals_and_petitions():
    assert set(personal_data.holders()) == {Proposal, Petition}
    assert Petition.personal_data_fields == ("agent_name", "agent_contact")


def test_the_command_erases_an_agent_past_retention_and_keeps_the_petition(
    settings,
):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    old = received_days_ago(31, title_ar="عريضة قديمة", signature_count=320)
    on_the_day = received_days_ago(30)
    recent = received_days_ago(5)

    out = StringIO()
    call_command("erase_personal_data", stdout=out)

    for petition in (old, on_the_day, recent):
        petition.refresh_from_db()
    assert old.anonymized_at is not None
    assert (old.agent_name, old.agent_contact) == ("", "")
    assert (old.title_ar, old.signature_count, old.is_published) == (
        "عريضة قديمة",
        320,
        True,
    )
    for kept in (on_the_day, recent):
        assert kept.anonymized_at is None
        assert kept.agent_contact == AGENT["agent_contact"]
    assert "1 petition(s)" in out.getvalue()
    assert "0 proposal(s)" in out.getvalue()


def test_a_dry_run_counts_petitions_and_changes_nothing(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    petition = received_days_ago(31)

    out = StringIO()
    call_command("erase_personal_data", "--dry-run", stdout=out)

    petition.refresh_from_db()
    assert petition.agent_name == AGENT["agent_name"]
    assert "would be anonymised" in out.getvalue()
    assert "1 petition(s)" in out.getvalue()


def test_the_same_period_applies_to_both(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 10
    petition = received_days_ago(11)
    proposal = ProposalFactory(submitter_email="citizen@example.ma")
    Proposal.objects.filter(pk=proposal.pk).update(
        created_at=timezone.now() - timedelta(days=11)
    )

    call_command("erase_personal_data", stdout=StringIO())

    petition.refresh_from_db()
    proposal.refresh_from_db()
    assert petition.is_anonymized and proposal.is_anonymized


def test_after_erasure_no_table_holds_the_agent_not_even_a_pending_revision(
    client, settings, editor
):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    petition = received_days_ago(40)
    # An editor's change to the published petition waits with the whole form.
    url = reverse("admin:petitions_petition_change", args=[petition.pk])
    client.force_login(editor)
    data = form_data(client.get(url))
    data["summary_ar"] = "ملخص معدل"
    assert client.post(url, data).status_code == 302
    assert AGENT["agent_contact"] in str(Revision.objects.get().data)

    call_command("erase_personal_data", stdout=StringIO())

    everything = dump("petitions", "core.revision")
    for value in AGENT.values():
        assert value not in everything
    assert Revision.objects.get().data["summary_ar"] == ["ملخص معدل"]


def test_staff_erase_an_agents_data_on_request(client, editor):
    petition = PetitionFactory(**AGENT)
    client.force_login(editor)

    response = client.post(
        reverse("admin:petitions_petition_changelist"),
        {"action": "erase_personal_data", "_selected_action": [petition.pk]},
    )

    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.is_anonymized
    assert not petition.agent_contact


def test_the_privacy_page_says_how_long_an_agents_contact_is_kept(client, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 200

    page = client.get(reverse("workshops:privacy")).content.decode()

    (paragraph,) = [
        p for p in re.findall(r"<p>(.*?)</p>", page, re.S) if "العريضة" in p
    ]
    assert "200" in paragraph
