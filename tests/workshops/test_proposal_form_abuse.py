"""The proposal form's anti-abuse rules: honeypot, timing and signed token, rate limit,
duplicates and CSRF."""

import time
from html import escape

import pytest
from django.core import signing
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import ProposalFactory
from tests.workshops.proposal_support import (
    _empty_cache,
    axis,
    form_token,
    form_url,
    proposal_post,
)
from workshops.models import Proposal

__all__ = ["_empty_cache", "axis"]

pytestmark = pytest.mark.django_db


def translated(message, language):
    with translation.override(language):
        return str(message)


def test_the_honeypot_field_refuses_the_form_and_stores_nothing(client, axis):
    response = client.post(form_url(), proposal_post(axis, website="http://spam.test"))

    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_a_form_sent_faster_than_a_person_can_fill_it_is_refused(
    client, axis, settings
):
    settings.PROPOSAL_MIN_FILL_SECONDS = 3
    response = client.post(form_url(), proposal_post(axis, started=form_token(0)))

    assert response.status_code == 400
    assert not Proposal.objects.exists()
    # Everything typed is still there, with a fresh token to send it again.
    assert "حديقة للأطفال في حي الخبازات" in response.content.decode()


def test_an_empty_form_sent_at_once_says_what_to_fill_in(client, axis, settings):
    settings.PROPOSAL_MIN_FILL_SECONDS = 3
    response = client.post(form_url(), {"started": form_token(0)})

    assert response.status_code == 400
    page = response.content.decode()
    for message in (
        "Fill in your proposal.",
        "Give your proposal a title.",
        "Choose the axis your proposal is about.",
    ):
        assert escape(gettext(message)) in page
    assert (
        translated(
            "The form was sent too quickly to have been filled in by hand. "
            "Please check it and send it again.",
            "ar",
        )
        not in page
    )


@pytest.mark.parametrize("token", ["", "not-a-signed-value", signing.dumps(1.0)])
def test_a_missing_or_forged_form_token_is_refused(client, axis, token):
    response = client.post(form_url(), proposal_post(axis, started=token))

    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_a_form_left_open_for_days_asks_to_be_sent_again(client, axis, monkeypatch):
    days_ago = int(time.time()) - 3 * 24 * 60 * 60
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(days_ago)
    )
    old_token = form_token()
    monkeypatch.undo()

    response = client.post(form_url(), proposal_post(axis, started=old_token))

    assert response.status_code == 400
    assert "حديقة للأطفال في حي الخبازات" in response.content.decode()
    assert not Proposal.objects.exists()


def test_the_rate_limit_answers_429_and_keeps_what_was_typed(client, axis, settings):
    settings.PROPOSAL_RATE_LIMIT = 2
    for n in range(2):
        text = f"نقترح تنظيم يوم مفتوح رقم {n} في دار الشباب بالحي."
        assert (
            client.post(form_url(), proposal_post(axis, text=text)).status_code == 302
        )

    third = proposal_post(axis, title="اقتراح ثالث من نفس العنوان")
    response = client.post(form_url(), third)

    assert response.status_code == 429
    # Until the hour's window ends.
    assert 0 < int(response["Retry-After"]) <= 3601
    assert "اقتراح ثالث من نفس العنوان" in response.content.decode()
    assert Proposal.objects.count() == 2


def test_the_rate_limit_message_is_in_french_on_the_french_form(client, axis, settings):
    settings.PROPOSAL_RATE_LIMIT = 1
    client.post(form_url("fr"), proposal_post(axis))

    response = client.post(
        form_url("fr"),
        proposal_post(
            axis, text="Un autre texte assez long pour être une proposition."
        ),
    )

    assert response.status_code == 429
    assert 'lang="fr"' in response.content.decode()
    assert 'role="alert"' in response.content.decode()


def test_the_rate_limit_counts_each_address_on_its_own(axis, settings):
    settings.PROPOSAL_RATE_LIMIT = 1
    first = Client(REMOTE_ADDR="192.0.2.10")
    second = Client(REMOTE_ADDR="192.0.2.20")

    assert first.post(form_url(), proposal_post(axis)).status_code == 302
    other_text = "نقترح إحداث مسار للدراجات على طول الكورنيش."
    assert (
        first.post(form_url(), proposal_post(axis, text=other_text)).status_code == 429
    )
    assert (
        second.post(form_url(), proposal_post(axis, text=other_text)).status_code == 302
    )


def test_scripts_caught_by_the_honeypot_count_against_the_limit(axis, settings):
    settings.PROPOSAL_RATE_LIMIT = 2
    robot = Client(REMOTE_ADDR="192.0.2.30")
    for _attempt in range(2):
        robot.post(form_url(), proposal_post(axis, website="x"))

    response = robot.post(form_url(), proposal_post(axis))

    assert response.status_code == 429
    assert not Proposal.objects.exists()


def test_the_same_text_twice_is_refused_politely(client, axis):
    ProposalFactory(axis=axis, text="نقترح تهيئة حديقة للأطفال قرب المدرسة الابتدائية.")
    # Same words; other spacing, punctuation, diacritics and letter forms.
    again = "نَقترح  تهيئة حديقة للاطفال، قرب المدرسة الإبتدائية!"

    response = client.post(form_url(), proposal_post(axis, text=again))

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_text_error"' in html
    assert Proposal.objects.count() == 1


def test_pressing_send_twice_shows_the_first_reference_and_stores_one(client, axis):
    first = client.post(form_url(), proposal_post(axis))
    second = client.post(form_url(), proposal_post(axis), follow=True)

    proposal = Proposal.objects.get()
    assert second.redirect_chain[-1][0] == first["Location"]
    assert proposal.reference in second.content.decode()


def test_the_same_text_from_another_address_is_refused(axis):
    Client(REMOTE_ADDR="192.0.2.40").post(form_url(), proposal_post(axis))

    response = Client(REMOTE_ADDR="192.0.2.41").post(form_url(), proposal_post(axis))

    assert response.status_code == 400
    assert Proposal.objects.get().reference not in response.content.decode()


def test_the_form_refuses_a_post_without_csrf_token(axis):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(form_url(), proposal_post(axis))

    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_the_form_carries_a_csrf_token(client, axis):
    assert 'name="csrfmiddlewaretoken"' in client.get(form_url()).content.decode()
