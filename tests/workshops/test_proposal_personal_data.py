"""Law 09-08: a submitter's name, association, contact and address are never public,
never in the API or the exports, never in the change history, and are erased after
the retention period."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import ProposalFactory
from tests.workshops.proposal_support import _empty_cache, make_editor, make_publisher
from workshops import services
from workshops.models import Proposal, ProposalStatus

__all__ = ["_empty_cache"]

pytestmark = pytest.mark.django_db

PERSONAL = {
    "submitter_name": "خديجة بنعلي",
    "submitter_association": "جمعية الساكنية للتنمية",
    "submitter_email": "khadija.benali@example.test",
    "submitter_phone": "0611223344",
    "submitter_ip": "203.0.113.77",
}
PERSONAL_FIELDS = set(PERSONAL)


def aged(days, **fields):
    proposal = ProposalFactory(**PERSONAL, **fields)
    Proposal.objects.filter(pk=proposal.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    proposal.refresh_from_db()
    return proposal


def dump(*labels):
    out = StringIO()
    call_command("dumpdata", *labels, stdout=out)
    return out.getvalue()


def test_the_command_erases_personal_data_past_retention_and_keeps_the_proposal(
    settings,
):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    old = aged(31, title="اقتراح قديم", text="نص الاقتراح القديم يبقى")
    recent = aged(29)

    out = StringIO()
    call_command("erase_personal_data", stdout=out)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.anonymized_at is not None
    assert all(not getattr(old, field) for field in PERSONAL_FIELDS)
    assert (old.title, old.text) == ("اقتراح قديم", "نص الاقتراح القديم يبقى")
    assert recent.anonymized_at is None
    assert recent.submitter_email == PERSONAL["submitter_email"]
    assert "anonymised: 1 proposal(s)" in out.getvalue()


def test_after_erasure_no_table_of_the_app_holds_the_personal_data(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    proposal = aged(40)
    # History rows are written on every save; they must not keep a copy.
    services.change_status(proposal, ProposalStatus.UNDER_STUDY, by=make_publisher())
    proposal.title = "عنوان معدل"
    proposal.save()
    assert PERSONAL["submitter_email"] in dump("workshops")

    call_command("erase_personal_data", stdout=StringIO())

    everything = dump("workshops")
    for value in PERSONAL.values():
        assert value not in everything


def test_the_change_history_never_records_personal_fields():
    historical = Proposal.history.model
    columns = {field.name for field in historical._meta.get_fields()}

    assert not columns & PERSONAL_FIELDS


def test_a_dry_run_changes_nothing(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    proposal = aged(31)

    out = StringIO()
    call_command("erase_personal_data", "--dry-run", stdout=out)

    proposal.refresh_from_db()
    assert proposal.anonymized_at is None
    assert "would be anonymised: 1 proposal(s)" in out.getvalue()


def test_an_erased_author_gets_no_more_email(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    proposal = aged(31)
    call_command("erase_personal_data", stdout=StringIO())
    proposal.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            proposal, ProposalStatus.UNDER_STUDY, by=make_publisher()
        )

    assert mailoutbox == []


def test_staff_can_erase_a_citizens_data_on_request(client):
    proposal = ProposalFactory(**PERSONAL)
    client.force_login(make_editor())

    client.post(
        reverse("admin:workshops_proposal_changelist"),
        {"action": "erase_personal_data", "_selected_action": [proposal.pk]},
    )

    proposal.refresh_from_db()
    assert proposal.anonymized_at is not None
    assert not proposal.submitter_email


def test_the_api_never_gives_personal_data(client):
    proposal = ProposalFactory(**PERSONAL)

    response = client.get("/api/v1/proposals/")

    assert response.status_code == 200
    body = response.content.decode()
    assert proposal.reference in body
    for value in PERSONAL.values():
        assert value not in body


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_the_exports_never_give_personal_data(client, file_format):
    ProposalFactory(**PERSONAL, title="اقتراح في التصدير")
    with translation.override("ar"):
        url = reverse(
            "open_data_download",
            kwargs={"dataset": "proposals", "file_format": file_format},
        )

    response = client.get(url)

    assert response.status_code == 200
    body = response.getvalue().decode()
    assert "اقتراح في التصدير" in body
    for value in PERSONAL.values():
        assert value not in body


def test_searching_for_a_submitters_name_finds_nothing(client):
    ProposalFactory(**PERSONAL, title="اقتراح حول الإنارة")

    with translation.override("ar"):
        url = reverse("search")
    by_name = client.get(url, {"q": "بنعلي"}).content.decode()
    by_title = client.get(url, {"q": "الإنارة"}).content.decode()

    # Results highlight the words found, so look for the title's untouched words.
    assert "اقتراح حول" not in by_name
    assert "اقتراح حول" in by_title
