"""The public proposals pages: list with per-axis numbers and chart, detail, the
thank-you page, following a proposal by its reference, and the privacy page."""

import re

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    AxisFactory,
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    WorkshopFactory,
)
from tests.workshops.proposal_support import _empty_cache, make_publisher
from workshops import services
from workshops.models import Proposal, ProposalStatus
from workshops.views import SENT_SALT

__all__ = ["_empty_cache"]

pytestmark = pytest.mark.django_db

PERSONAL = {
    "submitter_name": "عبد الرحيم المنصوري",
    "submitter_association": "جمعية النور للتنمية",
    "submitter_email": "abderrahim@example.test",
    "submitter_phone": "0698765432",
    "submitter_ip": "198.51.100.23",
}


def url(name, language="ar", **kwargs):
    with translation.override(language):
        return reverse(f"workshops:{name}", kwargs=kwargs or None)


def assert_no_personal_data(html):
    for value in PERSONAL.values():
        assert value not in html


# --- List ------------------------------------------------------------------------------


def test_list_shows_published_proposals_and_hides_the_others(client):
    ProposalFactory(title="اقتراح منشور")
    ProposalFactory(title="اقتراح قيد المراجعة", publication_status="draft")
    ProposalFactory(title="اقتراح في المراجعة", publication_status="review")

    html = client.get(url("proposal_list")).content.decode()

    assert "اقتراح منشور" in html
    assert "اقتراح قيد المراجعة" not in html
    assert "اقتراح في المراجعة" not in html


def test_no_public_page_shows_the_submitters_personal_data(client):
    proposal = ProposalFactory(**PERSONAL, public_answer_ar="شكرا على الاقتراح")
    services.change_status(
        proposal, ProposalStatus.UNDER_STUDY, by=make_publisher(), note="ملاحظة داخلية"
    )

    for page in (
        url("proposal_list"),
        proposal.get_absolute_url(),
        url("proposal_follow") + f"?reference={proposal.reference}",
    ):
        html = client.get(page).content.decode()
        assert_no_personal_data(html)
        assert "ملاحظة داخلية" not in html  # the status note is for staff


def test_list_gives_per_axis_received_answered_and_project_counts(client):
    axis = AxisFactory(title_ar="محور التحول الرقمي")
    project = ProjectFactory(axis=axis)
    ProposalFactory(axis=axis)
    ProposalFactory(axis=axis, status=ProposalStatus.UNDER_STUDY)
    ProposalFactory(axis=axis, status=ProposalStatus.MERGED, project=project)
    # Neither counts: one is not published, the other's project is a draft.
    ProposalFactory(axis=axis, publication_status="draft")
    ProposalFactory(
        axis=axis,
        status=ProposalStatus.ACCEPTED,
        project=ProjectFactory(axis=axis, publication_status="draft"),
    )
    quiet = AxisFactory(title_ar="محور بلا اقتراحات")

    response = client.get(url("proposal_list"))

    rows = {row["axis"]: row for row in response.context["axis_stats"]}
    assert (
        rows[axis]["received"],
        rows[axis]["answered"],
        rows[axis]["became_projects"],
    ) == (4, 3, 1)
    assert (rows[quiet]["received"], rows[quiet]["answered"]) == (0, 0)
    html = response.content.decode()
    row_html = html[html.index("محور التحول الرقمي") :]
    numbers = re.findall(r'<dd class="d-inline fw-bold">(\d+)</dd>', row_html)
    assert numbers[:3] == ["4", "3", "1"]


def test_the_chart_bars_grow_from_the_reading_side(client):
    axis = AxisFactory()
    ProposalFactory(axis=axis)
    ProposalFactory(axis=axis, status=ProposalStatus.UNDER_STUDY)

    arabic = client.get(url("proposal_list", "ar")).content.decode()
    french = client.get(url("proposal_list", "fr")).content.decode()

    # Two received (the full width), one answered (half), drawn from the right in
    # Arabic and from the left in French.
    assert '<rect x="0.0" y="0" width="100.0"' in arabic
    assert '<rect x="50.0" y="10" width="50.0"' in arabic
    assert '<rect x="0" y="10" width="50.0"' in french
    assert "<svg" in arabic and "<script" not in arabic.split("<main", 1)[1]


def test_list_filters_by_axis_and_status(client):
    first, second = AxisFactory(), AxisFactory()
    ProposalFactory(axis=first, title="أولى مدروسة", status=ProposalStatus.UNDER_STUDY)
    ProposalFactory(axis=first, title="أولى جديدة")
    ProposalFactory(
        axis=second, title="ثانية مدروسة", status=ProposalStatus.UNDER_STUDY
    )

    by_axis = client.get(url("proposal_list") + f"?axis={first.slug}").content.decode()
    by_status = client.get(
        url("proposal_list") + "?status=under_study"
    ).content.decode()

    assert "أولى مدروسة" in by_axis and "أولى جديدة" in by_axis
    assert "ثانية مدروسة" not in by_axis
    assert "أولى مدروسة" in by_status and "ثانية مدروسة" in by_status
    assert "أولى جديدة" not in by_status


def test_list_links_a_proposal_to_the_project_it_became(client):
    project = ProjectFactory(title_ar="مشروع الإدارة الرقمية")
    ProposalFactory(axis=project.axis, status=ProposalStatus.MERGED, project=project)

    html = client.get(url("proposal_list")).content.decode()

    assert project.get_absolute_url() in html
    assert "مشروع الإدارة الرقمية" in html


@pytest.mark.parametrize("rows", [5, 200])
def test_list_query_count_does_not_grow_with_rows(
    client, django_assert_num_queries, rows
):
    axes = AxisFactory.create_batch(4)
    project = ProjectFactory(axis=axes[0])
    workshop = WorkshopFactory(axis=axes[1])
    for n in range(rows):
        ProposalFactory(
            axis=axes[n % 4],
            status=ProposalStatus.MERGED if n % 3 == 0 else ProposalStatus.RECEIVED,
            project=project if n % 3 == 0 else None,
            workshop=workshop if n % 5 == 0 else None,
            public_answer_ar="جواب" if n % 2 else "",
        )

    # Axes, per-axis counts, the page's count and the page itself.
    with django_assert_num_queries(5):
        response = client.get(url("proposal_list"))
    assert response.status_code == 200


# --- Detail ----------------------------------------------------------------------------


def test_an_unpublished_proposal_has_no_public_page(client):
    proposal = ProposalFactory(publication_status="draft")

    assert client.get(proposal.get_absolute_url()).status_code == 404


def test_detail_shows_the_answer_the_project_and_the_dated_status_history(client):
    editor = make_publisher()
    project = ProjectFactory(title_ar="منصة المشاركة")
    proposal = ProposalFactory(axis=project.axis)
    services.change_status(proposal, ProposalStatus.UNDER_STUDY, by=editor)
    services.change_status(
        proposal,
        ProposalStatus.MERGED,
        by=editor,
        project=project,
        public_answer={"ar": "أدمج الاقتراح في منصة المشاركة", "fr": "Intégrée"},
    )

    html = client.get(proposal.get_absolute_url()).content.decode()

    assert "أدمج الاقتراح في منصة المشاركة" in html
    assert project.get_absolute_url() in html
    history = html[html.index('id="history-title"') :]
    assert history.count("<time datetime=") == 3
    assert history.index("proposal-received") < history.index("proposal-under_study")
    assert history.index("proposal-under_study") < history.index("proposal-merged")


def test_detail_shows_the_answer_in_french_on_the_french_page(client):
    proposal = ProposalFactory(
        status=ProposalStatus.ACCEPTED,
        public_answer_ar="مقبول",
        public_answer_fr="Acceptée, elle sera réalisée en 2026.",
    )

    with translation.override("fr"):
        html = client.get(proposal.get_absolute_url()).content.decode()

    assert "Acceptée, elle sera réalisée en 2026." in html


def test_detail_does_not_link_a_draft_project_or_a_draft_workshop(client):
    project = ProjectFactory(publication_status="draft")
    workshop = WorkshopFactory(publication_status="draft")
    proposal = ProposalFactory(
        status=ProposalStatus.ACCEPTED, project=project, workshop=workshop
    )

    html = client.get(proposal.get_absolute_url()).content.decode()

    assert project.get_absolute_url() not in html
    assert workshop.get_absolute_url() not in html


def test_detail_shows_the_association_that_carried_a_workshop_proposal(client):
    association = OrganizationFactory(name_ar="جمعية أمل القنيطرة")
    workshop = WorkshopFactory()
    proposal = ProposalFactory(
        source="workshop", workshop=workshop, carried_by=association
    )

    html = client.get(proposal.get_absolute_url()).content.decode()

    assert "جمعية أمل القنيطرة" in html
    assert workshop.get_absolute_url() in html


def test_a_merged_duplicate_links_to_the_proposal_it_repeats(client):
    original = ProposalFactory(title="الاقتراح الأصلي")
    duplicate = ProposalFactory(title="الاقتراح المكرر")
    services.merge_duplicates([duplicate], into=original, by=make_publisher())

    duplicate_html = client.get(duplicate.get_absolute_url()).content.decode()
    original_html = client.get(original.get_absolute_url()).content.decode()

    assert original.get_absolute_url() in duplicate_html
    assert duplicate.get_absolute_url() in original_html


# --- Thank-you page and following a proposal --------------------------------------------


def test_the_thank_you_page_needs_the_signed_reference(client):
    good = signing.dumps("KNT-2026-0007", salt=SENT_SALT)

    assert (
        "KNT-2026-0007" in client.get(url("proposal_sent", token=good)).content.decode()
    )
    assert client.get(url("proposal_sent", token="KNT-2026-0007")).status_code == 404


@pytest.mark.parametrize(
    "typed",
    [
        "KNT-2026-0042",
        "knt-2026-42",
        " KNT 2026 0042 ",
        "KNT–2026–0042",
        "KNT-٢٠٢٦-٠٠٤٢",
    ],
)
def test_a_proposal_is_found_by_its_reference_however_it_is_typed(client, typed):
    proposal = ProposalFactory(reference="KNT-2026-0042", title="إنارة الحي")

    response = client.get(url("proposal_follow"), {"reference": typed})

    assert response.status_code == 200
    assert response.context["proposal"] == proposal
    assert proposal.get_absolute_url() in response.content.decode()


def test_following_an_unpublished_proposal_shows_its_status_and_answer_only(client):
    proposal = ProposalFactory(
        publication_status="draft",
        title="عنوان لم ينشر",
        text="نص لم ينشر بعد في الموقع",
        status=ProposalStatus.DECLINED,
        public_answer_ar="خارج اختصاص الجماعة",
    )

    response = client.get(url("proposal_follow"), {"reference": proposal.reference})

    html = response.content.decode()
    assert response.status_code == 200
    assert "خارج اختصاص الجماعة" in html
    assert "proposal-declined" in html
    assert "عنوان لم ينشر" not in html
    assert "نص لم ينشر بعد في الموقع" not in html


def test_an_unknown_reference_says_so(client):
    response = client.get(url("proposal_follow"), {"reference": "KNT-2026-9999"})

    assert response.status_code == 404
    assert 'role="alert"' in response.content.decode()


def test_a_malformed_reference_is_explained(client):
    response = client.get(url("proposal_follow"), {"reference": "<b>42</b>"})

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_reference_error"' in html
    assert "<b>42</b>" not in html


def test_the_follow_page_without_a_reference_shows_the_form(client):
    response = client.get(url("proposal_follow"))

    assert response.status_code == 200
    assert 'name="reference"' in response.content.decode()


# --- Privacy ---------------------------------------------------------------------------


def test_privacy_page_says_how_long_data_is_kept_and_whom_to_ask(client, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 400
    settings.PRIVACY_CONTACT_EMAIL = "donnees@kenitra.test"
    settings.CNDP_DECLARATION_NUMBER = ""

    html = client.get(url("privacy")).content.decode()

    assert "400" in html
    assert "mailto:donnees@kenitra.test" in html
    assert "09-08" in html
    assert "cndp-declaration" not in html


def test_privacy_page_shows_the_cndp_declaration_number_when_set(client, settings):
    settings.CNDP_DECLARATION_NUMBER = "D-GC-123/2026"

    for language in ("ar", "fr", "en"):
        html = client.get(url("privacy", language)).content.decode()
        assert "D-GC-123/2026" in html


def test_a_proposal_keeps_its_reference_when_saved_again():
    proposal = ProposalFactory()
    reference = proposal.reference

    proposal.title = "عنوان جديد"
    proposal.save()

    assert Proposal.objects.get(pk=proposal.pk).reference == reference
