"""The councillors' records area and the protected meeting documents."""

import datetime
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consultations.models import ActionStatus, Gender
from tests import factories

SECRET_MINUTES = "محضر داخلي: نقاش الميزانية التكميلية"


@pytest.fixture
def draft_meeting(db):
    """A meeting that is not published, with every part of its record filled in."""
    meeting = factories.MeetingFactory(
        publication_status="draft",
        title_ar="لقاء تشاوري حول الانفتاح",
        minutes_ar=f"<p>{SECRET_MINUTES}</p>",
    )
    commune = factories.OrganizationFactory(name_ar="جماعة القنيطرة")
    mayor = factories.PersonFactory(name_ar="رئيس الجماعة", gender=Gender.MALE)
    women = [
        factories.PersonFactory(name_ar=f"مستشارة {n}", gender=Gender.FEMALE)
        for n in range(2)
    ]
    factories.ParticipationFactory(
        meeting=meeting, person=mayor, organization=commune, role_ar="رئيس المجلس"
    )
    for person in women:
        factories.ParticipationFactory(
            meeting=meeting, person=person, role_ar="عضوة لجنة المساواة"
        )
    factories.ParticipationFactory(
        meeting=meeting,
        person=None,
        organization=factories.OrganizationFactory(name_ar="هيئة المساواة"),
        role_ar="",
    )
    factories.AgendaItemFactory(meeting=meeting, title_ar="تقديم المحاور الأربعة")
    decision = factories.DecisionFactory(meeting=meeting, title_ar="إحداث منصة رقمية")
    factories.FollowUpActionFactory(
        meeting=meeting,
        decision=decision,
        title_ar="إعداد دفتر التحملات",
        owner_person=mayor,
        due_date=timezone.localdate() - datetime.timedelta(days=10),
        status=ActionStatus.OPEN,
    )
    factories.FollowUpActionFactory(
        meeting=meeting,
        title_ar="نشر المحضر",
        owner_organization=commune,
        due_date=timezone.localdate() + datetime.timedelta(days=10),
        status=ActionStatus.IN_PROGRESS,
    )
    factories.DocumentFactory(meeting=meeting, title_ar="عرض داخلي", is_public=False)
    workshop = factories.WorkshopFactory(
        meeting=meeting, title_ar="ورشة الرقمنة", publication_status="draft"
    )
    factories.ProposalFactory(
        workshop=workshop,
        source="workshop",
        title="اقتراح من الورشة",
        submitter_email="private@example.test",
    )
    return meeting


def records_urls(meeting):
    return [
        reverse("records:meeting_list"),
        reverse("records:meeting_detail", args=[meeting.pk]),
        reverse("records:meeting_print", args=[meeting.pk]),
        reverse("records:action_list"),
    ]


def test_anonymous_visitor_is_sent_to_the_login_page(client, draft_meeting):
    for url in records_urls(draft_meeting):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("records:login"))
        assert SECRET_MINUTES not in response.content.decode()


@pytest.mark.parametrize("persona", ["editor", "staff_user"])
def test_signed_in_user_without_the_role_is_refused(
    client, request, draft_meeting, persona
):
    client.force_login(request.getfixturevalue(persona))
    for url in records_urls(draft_meeting):
        response = client.get(url)
        assert response.status_code == 403
        assert SECRET_MINUTES not in response.content.decode()


@pytest.mark.parametrize("persona", ["councillor", "publisher", "superuser"])
def test_councillors_publishers_and_superusers_read_the_records(
    client, request, draft_meeting, persona
):
    client.force_login(request.getfixturevalue(persona))
    for url in records_urls(draft_meeting):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]


def test_meeting_record_has_everything_even_unpublished(
    client, councillor, draft_meeting
):
    client.force_login(councillor)
    response = client.get(reverse("records:meeting_list"))
    assert "لقاء تشاوري حول الانفتاح" in response.content.decode()

    response = client.get(reverse("records:meeting_detail", args=[draft_meeting.pk]))
    content = response.content.decode()
    for text in (
        SECRET_MINUTES,
        "رئيس الجماعة",
        "رئيس المجلس",
        "جماعة القنيطرة",
        "هيئة المساواة",
        "تقديم المحاور الأربعة",
        "إحداث منصة رقمية",
        "إعداد دفتر التحملات",
        "عرض داخلي",
        "ورشة الرقمنة",
        "اقتراح من الورشة",
    ):
        assert text in content, text
    # Personal data of a proposal's submitter is not part of the record.
    assert "private@example.test" not in content
    counts = {row["label"]: row["count"] for row in response.context["gender_counts"]}
    assert counts == {Gender.FEMALE.label: 2, Gender.MALE.label: 1}


def test_overdue_actions_stand_out(client, councillor, draft_meeting):
    client.force_login(councillor)
    response = client.get(reverse("records:meeting_detail", args=[draft_meeting.pk]))
    content = response.content.decode()
    overdue_row = content[: content.index("إعداد دفتر التحملات")].rsplit("<tr", 1)[1]
    assert "overdue" in overdue_row
    on_time_row = content[: content.index("نشر المحضر")].rsplit("<tr", 1)[1]
    assert "overdue" not in on_time_row


def test_action_list_filters_by_status_owner_and_lateness(
    client, councillor, draft_meeting
):
    mayor = draft_meeting.participations.get(role_ar="رئيس المجلس").person
    client.force_login(councillor)
    url = reverse("records:action_list")

    def titles(**query):
        response = client.get(url, query)
        assert response.status_code == 200
        return {a.title_ar for a in response.context["actions"]}

    assert titles() == {"إعداد دفتر التحملات", "نشر المحضر"}
    assert titles(status="in_progress") == {"نشر المحضر"}
    assert titles(owner=f"p{mayor.pk}") == {"إعداد دفتر التحملات"}
    assert titles(overdue="true") == {"إعداد دفتر التحملات"}
    assert titles(status="done") == set()


def test_print_layout_has_the_commune_header_and_the_date(
    client, councillor, draft_meeting
):
    client.force_login(councillor)
    response = client.get(reverse("records:meeting_print", args=[draft_meeting.pk]))
    content = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert "print-header" in content
    assert SECRET_MINUTES in content
    assert response.context["printed_at"].date() == timezone.localdate()
    assert "records-nav" not in content


def test_councillor_logs_in_through_the_records_login_page(client, councillor):
    response = client.post(
        reverse("records:login"),
        {"username": "councillor", "password": "a-long-test-password"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("records:meeting_list")
    assert client.get(reverse("records:meeting_list")).status_code == 200


# --- documents ---------------------------------------------------------------------


def assert_pdf_download(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].split(";")[0] in ("inline", "attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_public_document_of_a_published_meeting_is_for_anyone(client, db):
    document = factories.DocumentFactory(is_public=True)
    assert document.get_absolute_url().startswith("/ar/records/documents/")
    # Whoever asks the file for its address (templates, the API) gets the view's.
    assert document.file.url == document.get_absolute_url()
    assert_pdf_download(client.get(document.get_absolute_url()))


@pytest.mark.parametrize(
    "document_kwargs",
    [
        {"is_public": False},
        {"is_public": True, "meeting__publication_status": "draft"},
    ],
    ids=["internal", "public_but_meeting_unpublished"],
)
def test_internal_document_is_only_for_the_records_roles(
    client, editor, councillor, publisher, document_kwargs
):
    document = factories.DocumentFactory(**document_kwargs)
    url = document.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("records:login"))
    client.force_login(editor)
    assert client.get(url).status_code == 403
    client.force_login(councillor)
    assert_pdf_download(client.get(url))
    assert "no-store" in client.get(url)["Cache-Control"]
    client.force_login(publisher)
    assert_pdf_download(client.get(url))


def test_guessed_document_number_tells_nothing(client, editor, councillor):
    url = reverse("records:document", args=[987654])
    assert client.get(url).status_code == 302
    client.force_login(editor)
    assert client.get(url).status_code == 403
    client.force_login(councillor)
    assert client.get(url).status_code == 404


def test_document_file_is_not_in_the_public_media_folder(db, settings):
    document = factories.DocumentFactory(is_public=False)
    path = Path(document.file.path).resolve()
    assert path.is_relative_to(Path(settings.DOCUMENTS_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())


# --- query counts ------------------------------------------------------------------


def meeting_with_parts(**kwargs):
    meeting = factories.MeetingFactory(**kwargs)
    factories.ParticipationFactory(meeting=meeting)
    factories.FollowUpActionFactory(meeting=meeting, owner_person=None)
    return meeting


@pytest.mark.parametrize(
    ("url_name", "make_rows"),
    [
        ("records:meeting_list", lambda n: [meeting_with_parts() for _ in range(n)]),
        (
            "records:action_list",
            lambda n: factories.FollowUpActionFactory.create_batch(
                n,
                meeting=factories.MeetingFactory(),
                owner_person=factories.PersonFactory(),
                owner_organization=factories.OrganizationFactory(),
            ),
        ),
    ],
)
def test_records_lists_queries_do_not_grow_with_rows(
    client, councillor, django_assert_num_queries, url_name, make_rows
):
    client.force_login(councillor)
    url = reverse(url_name)
    make_rows(5)
    client.get(url)
    with CaptureQueriesContext(connection) as five:
        assert client.get(url).status_code == 200
    make_rows(195)
    with django_assert_num_queries(len(five.captured_queries)):
        assert client.get(url).status_code == 200


def test_meeting_record_queries_do_not_grow_with_its_parts(
    client, councillor, django_assert_num_queries
):
    meeting = factories.MeetingFactory()

    def add_parts(n):
        for _ in range(n):
            factories.ParticipationFactory(meeting=meeting)
            factories.DecisionFactory(meeting=meeting)
            factories.FollowUpActionFactory(
                meeting=meeting, owner_person=factories.PersonFactory()
            )
            factories.DocumentFactory(meeting=meeting)
            workshop = factories.WorkshopFactory(meeting=meeting)
            factories.ProposalFactory(workshop=workshop, source="workshop")

    client.force_login(councillor)
    url = reverse("records:meeting_detail", args=[meeting.pk])
    add_parts(5)
    client.get(url)
    with CaptureQueriesContext(connection) as five:
        client.get(url)
    add_parts(15)
    with django_assert_num_queries(len(five.captured_queries)):
        assert client.get(url).status_code == 200
