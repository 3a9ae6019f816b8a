"""The public proposal form: the happy path in Arabic and French, errors, limits on
what is typed, and the nothing-lost rule. The anti-abuse rules are in
test_proposal_form_abuse.py."""

import re
from html import escape

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import AxisFactory, WorkshopFactory
from tests.workshops.proposal_support import _empty_cache, axis, form_url, proposal_post
from workshops.forms import TEXT_MAX_LENGTH
from workshops.models import Proposal, ProposalSource, ProposalStatus

__all__ = ["_empty_cache", "axis"]

pytestmark = pytest.mark.django_db


def test_citizen_sends_a_proposal_in_arabic_and_gets_its_reference(client, axis):
    page = client.get(form_url())
    assert page.status_code == 200
    assert 'lang="ar"' in page.content.decode()
    assert "محور المشاركة المواطنة" in page.content.decode()

    response = client.post(form_url(), proposal_post(axis), follow=True)

    proposal = Proposal.objects.get()
    year = timezone.localdate().year
    assert proposal.reference == f"KNT-{year}-0001"
    assert proposal.reference in response.content.decode()
    assert response.redirect_chain[0][0].startswith("/ar/proposals/sent/")
    assert proposal.language == "ar"
    assert proposal.source == ProposalSource.ONLINE
    assert proposal.status == ProposalStatus.RECEIVED
    assert not proposal.is_published
    assert proposal.consent_given_at is not None
    assert proposal.submitter_ip == "127.0.0.1"
    assert proposal.submitter_name == "فاطمة الزهراء"
    assert [(c.from_status, c.to_status) for c in proposal.status_changes.all()] == [
        ("", ProposalStatus.RECEIVED)
    ]


def test_citizen_sends_a_proposal_in_french(client, axis):
    data = proposal_post(
        axis,
        title="Des bancs à l'ombre au jardin public",
        text="Nous proposons d'installer des bancs à l'ombre près de l'entrée du jardin.",
        submitter_name="Youssef Alami",
        submitter_association="",
        submitter_phone="",
    )

    response = client.post(form_url("fr"), data, follow=True)

    proposal = Proposal.objects.get()
    assert proposal.language == "fr"
    assert proposal.title == "Des bancs à l'ombre au jardin public"
    assert response.redirect_chain[0][0].startswith("/fr/proposals/sent/")
    assert 'lang="fr"' in response.content.decode()
    assert proposal.reference in response.content.decode()


def test_references_count_up_within_the_year(client, axis):
    client.post(form_url(), proposal_post(axis))
    client.post(
        form_url(),
        proposal_post(axis, text="نقترح إنارة الشارع الرئيسي في حي الساكنية."),
    )
    year = timezone.localdate().year
    assert sorted(Proposal.objects.values_list("reference", flat=True)) == [
        f"KNT-{year}-0001",
        f"KNT-{year}-0002",
    ]


@pytest.mark.parametrize(
    ("language", "required"),
    [("ar", "ضع عنوانًا لمقترحك."), ("fr", "Donnez un titre à votre proposition.")],
)
def test_errors_are_in_the_citizens_language(client, axis, language, required):
    response = client.post(form_url(language), proposal_post(axis, title=""))
    assert response.status_code == 400
    assert required in response.content.decode()
    assert not Proposal.objects.exists()


def test_every_typed_value_comes_back_after_an_error(client, axis):
    workshop = WorkshopFactory(axis=axis)
    data = proposal_post(axis, title="قصير", workshop=str(workshop.pk))

    response = client.post(form_url(), data)

    assert response.status_code == 400
    html = response.content.decode()
    for name in (
        "title",
        "text",
        "submitter_name",
        "submitter_association",
        "submitter_email",
        "submitter_phone",
    ):
        assert escape(data[name], quote=False) in html, name
    assert f'<option value="{axis.pk}" selected>' in html
    assert f'<option value="{workshop.pk}" selected>' in html
    assert (
        'name="consent" class="form-check-input" required id="id_consent" checked'
        in html
    )
    assert not Proposal.objects.exists()


def test_the_error_is_next_to_its_field_and_tied_to_it(client, axis):
    response = client.post(form_url(), proposal_post(axis, title="قصير"))

    html = response.content.decode()
    assert 'id="id_title_error"' in html
    assert 'aria-describedby="id_title_error"' in html
    assert 'aria-invalid="true"' in html
    title_input = re.search(r'<input[^>]*name="title"[^>]*>', html).group()
    assert "is-invalid" in title_input
    assert 'aria-describedby="id_title_error"' in title_input


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "قصير"),
        ("title", "ع" * 201),
        ("text", "نص قصير"),
        ("text", "ن" * (TEXT_MAX_LENGTH + 1)),
        ("submitter_name", "س" * 201),
        ("submitter_email", "not-an-email"),
        ("submitter_phone", "call me"),
    ],
)
def test_length_and_format_limits_are_enforced(client, axis, field, value):
    response = client.post(form_url(), proposal_post(axis, **{field: value}))

    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    "field", ["axis", "title", "text", "submitter_name", "consent"]
)
def test_required_fields_and_consent_are_required(client, axis, field):
    response = client.post(form_url(), proposal_post(axis, **{field: None}))

    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_draft_axis_cannot_be_chosen(client, axis):
    draft = AxisFactory(publication_status="draft", title_ar="محور غير منشور")

    page = client.get(form_url())
    response = client.post(form_url(), proposal_post(draft))

    assert "محور غير منشور" not in page.content.decode()
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_bidi_controls_are_stripped_from_what_the_citizen_types(client, axis):
    data = proposal_post(
        axis,
        title="\u202eحديقة\u202c للأطفال \u2066KNT\u2069",
        text="نقترح\u202b تهيئة حديقة للأطفال قرب المدرسة\u2067 في الحي.",
        submitter_name="\u202dفاطمة",
    )

    client.post(form_url(), data)

    proposal = Proposal.objects.get()
    assert proposal.title == "حديقة للأطفال KNT"
    assert proposal.text == "نقترح تهيئة حديقة للأطفال قرب المدرسة في الحي."
    assert proposal.submitter_name == "فاطمة"


def test_html_typed_by_a_citizen_is_shown_as_text(client, axis):
    data = proposal_post(
        axis,
        title="<script>alert(1)</script> حديقة",
        text='<img src=x onerror="alert(2)"> نقترح تهيئة حديقة للأطفال في الحي.',
    )
    client.post(form_url(), data)
    proposal = Proposal.objects.get()
    proposal.publication_status = "published"
    proposal.save()

    html = client.get(proposal.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; حديقة" in html
    assert "<img src=x" not in html
    assert 'dir="auto">&lt;script&gt;' in html


def test_phone_numbers_typed_with_arabic_digits_are_kept_with_western_digits(
    client, axis
):
    client.post(form_url(), proposal_post(axis, submitter_phone="٠٦١٢٣٤٥٦٧٨"))

    assert Proposal.objects.get().submitter_phone == "0612345678"


def test_the_workshop_page_link_fills_in_the_workshop_and_its_axis(client, axis):
    workshop = WorkshopFactory(axis=axis)

    html = client.get(form_url() + f"?workshop={workshop.slug}").content.decode()

    assert f'<option value="{workshop.pk}" selected>' in html
    assert f'<option value="{axis.pk}" selected>' in html


def test_the_form_links_to_the_privacy_page_and_says_how_long_data_is_kept(
    client, axis, settings
):
    settings.PERSONAL_DATA_RETENTION_DAYS = 180
    html = client.get(form_url()).content.decode()

    assert reverse("workshops:privacy") in html
    assert "180" in html
