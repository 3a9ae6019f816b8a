"""E-mails: staff hear of each new proposal; an author who left an address hears of
each change of status, in the language they wrote in."""

import socket

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from tests.factories import AxisFactory, ProposalFactory
from tests.workshops.proposal_support import _empty_cache, make_publisher, proposal_post
from workshops import services
from workshops.models import Proposal, ProposalStatus

__all__ = ["_empty_cache"]

pytestmark = pytest.mark.django_db


def send_form(client, language="ar", **overrides):
    with translation.override(language):
        url = reverse("workshops:proposal_create")
    return client.post(url, proposal_post(AxisFactory(), **overrides))


def test_staff_get_an_email_when_a_proposal_arrives(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.PROPOSAL_NOTIFY_EMAILS = ["moderation@kenitra.test", "bo@kenitra.test"]
    settings.SITE_URL = "https://portail.kenitra.test"

    with django_capture_on_commit_callbacks(execute=True):
        send_form(client)

    proposal = Proposal.objects.get()
    [email] = [m for m in mailoutbox if "moderation@kenitra.test" in m.to]
    assert email.to == ["moderation@kenitra.test", "bo@kenitra.test"]
    assert proposal.reference in email.subject
    assert proposal.title in email.body
    admin_url = reverse("admin:workshops_proposal_change", args=[proposal.pk])
    assert f"https://portail.kenitra.test{admin_url}" in email.body
    # The submitter's details stay in the admin, out of mailboxes.
    for value in ("فاطمة الزهراء", "fatima@example.test", "0612345678", "127.0.0.1"):
        assert value not in email.body


def test_no_staff_email_when_no_address_is_set(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.PROPOSAL_NOTIFY_EMAILS = []

    with django_capture_on_commit_callbacks(execute=True):
        send_form(client)

    proposal = Proposal.objects.get()
    assert [m.to for m in mailoutbox] == [[proposal.submitter_email]]


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_author_gets_an_acknowledgement_with_their_reference(
    client, settings, mailoutbox, django_capture_on_commit_callbacks, language
):
    settings.SITE_URL = "https://portail.kenitra.test"
    with django_capture_on_commit_callbacks(execute=True):
        send_form(client, language=language)

    proposal = Proposal.objects.get()
    [email] = mailoutbox
    assert email.to == [proposal.submitter_email]
    assert proposal.reference in email.subject
    assert proposal.reference in email.body
    with translation.override(language):
        follow = reverse("workshops:proposal_follow")
        thanks = str(_("Follow your proposal:"))
    assert thanks in email.body
    assert f"https://portail.kenitra.test{follow}?reference=" in email.body


def test_no_acknowledgement_without_an_email_address(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_form(client, submitter_email="")

    assert Proposal.objects.exists()
    assert mailoutbox == []


def test_no_email_links_to_this_machine_in_production(
    client, settings, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.EMAIL_LINKS_MAY_BE_LOCAL = False
    proposal = ProposalFactory(submitter_email="author@example.test")

    with django_capture_on_commit_callbacks(execute=True):
        send_form(client)
        services.change_status(
            proposal, ProposalStatus.UNDER_STUDY, by=make_publisher()
        )

    assert mailoutbox == []
    assert "SITE_URL" in caplog.text


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_the_author_is_told_of_a_status_change_in_their_language(
    settings, mailoutbox, django_capture_on_commit_callbacks, language
):
    settings.SITE_URL = "https://portail.kenitra.test"
    proposal = ProposalFactory(language=language, submitter_email="author@example.test")

    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            proposal,
            ProposalStatus.ACCEPTED,
            by=make_publisher(),
            public_answer={"ar": "نعم، سينجز", "fr": "Oui, ce sera fait", "en": "Yes"},
        )

    [email] = mailoutbox
    assert email.to == ["author@example.test"]
    expected_answer = {"ar": "نعم، سينجز", "fr": "Oui, ce sera fait", "en": "Yes"}
    assert expected_answer[language] in email.body
    with translation.override(language):
        status = str(ProposalStatus.ACCEPTED.label)
        follow = reverse("workshops:proposal_follow")
    assert status in email.subject
    assert f"https://portail.kenitra.test{follow}?reference={proposal.reference}" in (
        email.body
    )


def test_an_author_without_an_email_address_is_not_written_to(
    mailoutbox, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(submitter_email="")

    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            proposal, ProposalStatus.UNDER_STUDY, by=make_publisher()
        )

    assert mailoutbox == []


def test_a_title_with_a_line_break_cannot_break_the_subject(
    mailoutbox, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(title="عنوان\nBcc: victim@example.test")

    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            proposal, ProposalStatus.UNDER_STUDY, by=make_publisher()
        )

    [email] = mailoutbox
    assert "\n" not in email.subject
    assert email.bcc == []


def test_a_mail_server_that_is_down_does_not_lose_the_proposal(
    client, settings, django_capture_on_commit_callbacks, caplog
):
    # A real SMTP connection to a port where nothing listens.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
    settings.PROPOSAL_NOTIFY_EMAILS = ["moderation@kenitra.test"]

    with django_capture_on_commit_callbacks(execute=True):
        response = send_form(client)

    assert response.status_code == 302
    assert Proposal.objects.count() == 1
    assert "Could not send the proposal_received_staff e-mail" in caplog.text
