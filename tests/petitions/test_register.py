import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from consultations.models import MeetingKind, MeetingStatus, Outcome, SessionType
from core.models import PublicationStatus
from petitions.law import add_months
from petitions.models import BureauDecision, DeadlineStatus, FilerKind, Petition
from tests.api_support import results
from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    OrganizationFactory,
    PetitionFactory,
)

pytestmark = pytest.mark.django_db

AGENT = "فاطمة الزهراء بنعلي"
CONTACT = "agent-private@example.ma"


def url(name, **kwargs):
    return reverse(f"petitions:{name}", kwargs=kwargs)


def past_session(**kwargs):
    return MeetingFactory(
        kind=MeetingKind.COUNCIL,
        session_type=SessionType.ORDINARY,
        status=MeetingStatus.HELD,
        start=timezone.now() - datetime.timedelta(days=10),
        **kwargs,
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 15), 3, datetime.date(2026, 4, 15)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 11, 30), 3, datetime.date(2028, 2, 29)),
    ],
)
def test_deadline_is_whole_calendar_months_later(day, months, expected):
    assert add_months(day, months) == expected


def test_deadline_is_three_months_after_receipt_by_default():
    petition = PetitionFactory(received_on=datetime.date(2026, 2, 3))
    assert petition.decision_deadline == datetime.date(2026, 5, 3)


def test_deadline_follows_the_setting(settings):
    settings.PETITION_DECISION_MONTHS = 2
    petition = PetitionFactory(received_on=datetime.date(2026, 2, 3))
    assert petition.decision_deadline == datetime.date(2026, 4, 3)


def test_deadline_status():
    today = timezone.localdate()
    long_ago = today - datetime.timedelta(days=200)
    assert PetitionFactory(received_on=today).deadline_status == DeadlineStatus.PENDING
    assert (
        PetitionFactory(received_on=long_ago).deadline_status == DeadlineStatus.OVERDUE
    )
    met = PetitionFactory(
        received_on=long_ago,
        bureau_decision=BureauDecision.ADMISSIBLE,
        decision_date=long_ago + datetime.timedelta(days=30),
    )
    assert met.deadline_status == DeadlineStatus.MET
    late = PetitionFactory(
        received_on=long_ago,
        bureau_decision=BureauDecision.REFUSED,
        decision_reasons_ar="خارج اختصاص الجماعة",
        decision_date=long_ago + datetime.timedelta(days=120),
    )
    assert late.deadline_status == DeadlineStatus.MISSED


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"filer_kind": FilerKind.ASSOCIATION}, "association"),
        (
            {"bureau_decision": BureauDecision.REFUSED, "decision_reasons_ar": "x"},
            "decision_date",
        ),
        (
            {
                "bureau_decision": BureauDecision.REFUSED,
                "decision_date": datetime.date(2026, 3, 1),
            },
            "decision_reasons",
        ),
        (
            {
                "bureau_decision": BureauDecision.ADMISSIBLE,
                "decision_date": datetime.date(2025, 12, 1),
            },
            "decision_date",
        ),
    ],
)
def test_model_refuses_an_inconsistent_petition(fields, field):
    petition = Petition(
        **{
            "title_ar": "عريضة",
            "filer_kind": FilerKind.CITIZENS,
            "received_on": datetime.date(2026, 1, 10),
            "signature_count": 210,
            **fields,
        }
    )
    with pytest.raises(ValidationError) as error:
        petition.full_clean()
    assert field in error.value.message_dict


def test_only_an_admissible_petition_goes_on_the_agenda():
    petition = PetitionFactory.build(agenda_item=AgendaItemFactory())
    with pytest.raises(ValidationError) as error:
        petition.full_clean()
    assert "agenda_item" in error.value.message_dict


def test_register_shows_published_petitions_with_decision_and_deadline(client):
    association = OrganizationFactory(
        name_ar="جمعية الأمل", name_fr="Association Al Amal"
    )
    refused = PetitionFactory(
        title_ar="إنارة حي الخبازات",
        filer_kind=FilerKind.ASSOCIATION,
        association=association,
        received_on=datetime.date(2026, 1, 5),
        bureau_decision=BureauDecision.REFUSED,
        decision_date=datetime.date(2026, 2, 20),
        decision_reasons_ar="الموضوع لا يدخل في اختصاصات المجلس",
        agent_name=AGENT,
        agent_contact=CONTACT,
    )
    PetitionFactory(title_ar="عريضة مسودة", publication_status=PublicationStatus.DRAFT)

    page = client.get(url("petition_list")).content.decode()

    assert refused.title_ar in page
    assert "جمعية الأمل" in page
    assert "الموضوع لا يدخل في اختصاصات المجلس" in page
    assert "5 يناير 2026" in page
    assert "5 أبريل 2026" in page  # the deadline, three months on
    assert "عريضة مسودة" not in page
    assert AGENT not in page and CONTACT not in page


def test_citizens_petition_names_no_one(client):
    petition = PetitionFactory(agent_name=AGENT, agent_contact=CONTACT)
    page = client.get(petition.get_absolute_url()).content.decode()
    with translation.override("ar"):
        assert str(FilerKind.CITIZENS.label) in page
    assert AGENT not in page and CONTACT not in page


def test_draft_petition_page_is_not_found(client):
    petition = PetitionFactory(publication_status=PublicationStatus.REVIEW)
    assert client.get(petition.get_absolute_url()).status_code == 404


def test_overdue_petition_is_shown_as_overdue(client):
    petition = PetitionFactory(
        received_on=timezone.localdate() - datetime.timedelta(days=120)
    )
    page = client.get(petition.get_absolute_url()).content.decode()
    assert "deadline-overdue" in page


def test_petition_that_went_to_a_session_shows_the_council_decision(client):
    session = past_session(title_ar="الدورة العادية لشهر ماي")
    item = AgendaItemFactory(
        meeting=session,
        outcome=Outcome.ADOPTED,
        votes_for=30,
        votes_against=4,
        votes_abstaining=2,
        decision_text_ar="الموافقة على تهيئة الحديقة",
    )
    petition = PetitionFactory(
        bureau_decision=BureauDecision.ADMISSIBLE,
        decision_date=timezone.localdate(),
        received_on=timezone.localdate() - datetime.timedelta(days=40),
        commission=OrganizationFactory(name_ar="لجنة المرافق العمومية"),
        agenda_item=item,
    )
    page = client.get(petition.get_absolute_url()).content.decode()
    assert "الدورة العادية لشهر ماي" in page
    assert "لجنة المرافق العمومية" in page
    assert "الموافقة على تهيئة الحديقة" in page
    assert "outcome-adopted" in page
    # and the session's page links back to the petition
    session_page = client.get(session.get_absolute_url()).content.decode()
    assert petition.get_absolute_url() in session_page
    assert "30" in session_page


def test_counts_per_year_add_up():
    year = timezone.localdate().year - 1
    received = datetime.date(year, 1, 10)
    session = past_session()
    PetitionFactory(received_on=received)  # overdue: no decision, deadline passed
    PetitionFactory(
        received_on=received,
        bureau_decision=BureauDecision.REFUSED,
        decision_reasons_ar="x",
        decision_date=datetime.date(year, 6, 1),  # late
    )
    PetitionFactory(
        received_on=received,
        bureau_decision=BureauDecision.ADMISSIBLE,
        decision_date=datetime.date(year, 2, 1),
        agenda_item=AgendaItemFactory(meeting=session, outcome=Outcome.ADOPTED),
    )
    PetitionFactory(received_on=received, publication_status=PublicationStatus.DRAFT)

    (row,) = Petition.objects.published().counts_by_year()

    assert row == {
        "year": year,
        "received": 3,
        "admissible": 1,
        "refused": 1,
        "decided": 1,
        "deadline_missed": 2,
    }


def test_register_filters_by_decision(client):
    PetitionFactory(
        title_ar="عريضة مقبولة",
        bureau_decision=BureauDecision.ADMISSIBLE,
        decision_date=timezone.localdate(),
    )
    PetitionFactory(title_ar="عريضة قيد الدراسة")
    page = client.get(url("petition_list"), {"decision": "admissible"}).content.decode()
    assert "عريضة مقبولة" in page and "عريضة قيد الدراسة" not in page
    # an unknown value is ignored, not an error
    assert client.get(url("petition_list"), {"decision": "<x>"}).status_code == 200


@pytest.mark.parametrize("rows", [5, 200])
def test_register_query_count_does_not_grow(client, django_assert_num_queries, rows):
    session = past_session()
    for n in range(rows):
        PetitionFactory(
            filer_kind=FilerKind.ASSOCIATION,
            association=OrganizationFactory(),
            commission=OrganizationFactory(),
            bureau_decision=BureauDecision.ADMISSIBLE,
            decision_date=timezone.localdate(),
            received_on=timezone.localdate() - datetime.timedelta(days=n % 60),
            agenda_item=AgendaItemFactory(meeting=session, outcome=Outcome.ADOPTED),
        )
    # counts per year, the page's count, the page's rows with everything joined,
    # the commune's details (footer)
    with django_assert_num_queries(4):
        assert client.get(url("petition_list")).status_code == 200


def test_how_to_file_page_cites_the_law_and_links_the_national_portal(client, settings):
    settings.PETITION_MIN_SIGNATURES = 200
    page = client.get(url("how_to_file")).content.decode()
    assert "eparticipation.ma" in page
    # Moroccan texts write the law's number 113.14 in Arabic, 113-14 in French.
    assert "113.14" in page and "2.16.403" in page
    assert "200" in page
    with translation.override("fr"):
        french = client.get(url("how_to_file")).content.decode()
    assert "pétition" in french.lower()
    assert "113-14" in french
    assert "eparticipation.ma" in french


def test_api_lists_petitions_without_personal_data(api):
    petition = PetitionFactory(agent_name=AGENT, agent_contact=CONTACT)
    PetitionFactory(publication_status=PublicationStatus.DRAFT)

    response = api.get("/api/v1/petitions/", HTTP_ACCEPT_LANGUAGE="fr")

    (row,) = results(response)
    assert row["id"] == petition.pk
    assert row["title"] == petition.title_fr
    assert row["filed_by"] == "Un groupe de citoyens"
    assert row["decision_deadline"] == petition.decision_deadline.isoformat()
    assert AGENT not in response.content.decode()
    assert CONTACT not in response.content.decode()
    assert "agent" not in str(row.keys())


def test_api_hides_the_council_outcome_until_the_session_is_held(api):
    upcoming = MeetingFactory(
        kind=MeetingKind.COUNCIL,
        status=MeetingStatus.SCHEDULED,
        start=timezone.now() + datetime.timedelta(days=5),
    )
    PetitionFactory(
        bureau_decision=BureauDecision.ADMISSIBLE,
        decision_date=timezone.localdate(),
        agenda_item=AgendaItemFactory(meeting=upcoming, outcome=Outcome.ADOPTED),
    )
    (row,) = results(api.get("/api/v1/petitions/"))
    assert row["council"]["meeting"]["id"] == upcoming.pk
    assert row["council"]["outcome"] is None


def test_open_data_csv_has_petitions_without_personal_data(client):
    PetitionFactory(title_ar="عريضة الحديقة", agent_name=AGENT, agent_contact=CONTACT)
    response = client.get(
        reverse(
            "open_data_download", kwargs={"dataset": "petitions", "file_format": "csv"}
        )
    )
    body = response.getvalue().decode("utf-8-sig")
    assert "عريضة الحديقة" in body
    assert "decision_deadline" in body.splitlines()[0]
    assert AGENT not in body and CONTACT not in body


def test_search_finds_petitions_but_not_their_agent(client):
    petition = PetitionFactory(
        title_ar="تهيئة حديقة الأطفال", agent_name=AGENT, agent_contact=CONTACT
    )
    found = client.get(reverse("search"), {"q": "حديقة"}).content.decode()
    assert petition.get_absolute_url() in found
    by_agent = client.get(reverse("search"), {"q": "بنعلي"}).content.decode()
    assert petition.get_absolute_url() not in by_agent
    assert "بنعلي" not in petition.search_document


def test_history_keeps_no_personal_data():
    petition = PetitionFactory(agent_name=AGENT, agent_contact=CONTACT)
    petition.signature_count = 300
    petition.save()
    history = petition.history.model
    field_names = {field.name for field in history._meta.fields}
    assert "agent_name" not in field_names and "agent_contact" not in field_names
    assert petition.history.count() == 2


def test_sitemap_lists_published_petitions(client):
    petition = PetitionFactory()
    draft = PetitionFactory(publication_status=PublicationStatus.DRAFT)
    body = client.get(reverse("sitemap")).getvalue().decode()
    assert petition.get_absolute_url() in body
    assert draft.get_absolute_url() not in body
    assert url("how_to_file") in body
