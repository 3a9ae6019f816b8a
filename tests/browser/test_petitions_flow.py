"""Staff enter two petitions in the admin, the bureau refuses one with its reasons and
finds the other admissible, the council decides it in session; a citizen reads both
in the register, in Arabic and in French, and finds nobody's personal data."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from consultations.models import MeetingKind, MeetingStatus, Outcome, SessionType
from petitions.models import BureauDecision, Petition
from tests import factories

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"
AGENT = "خديجة العلوي"
CONTACT = "0612345678"
SECOND_AGENT = "Youssef Bennani"


def log_in(browser, live_server):
    user = factories.UserFactory(username="publisher", is_staff=True)
    user.groups.add(Group.objects.get(name="Publisher"))
    context = browser.new_context(locale="ar-MA")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "publisher")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return context, page


def fill_petition(page, title_ar, title_fr, received, signatures, agent, contact):
    page.fill("#id_title_ar", title_ar)
    page.click('a[href="#tab_id_title_fr"]')
    page.fill("#id_title_fr", title_fr)
    page.select_option("#id_channel", "paper")
    page.select_option("#id_filer_kind", "citizens")
    page.fill("#id_received_on", received.isoformat())
    page.fill("#id_signature_count", str(signatures))
    page.fill("#id_agent_name", agent)
    page.fill("#id_agent_contact", contact)
    page.select_option("#id_publication_status", "published")
    # English and Tamazight are not typed in this test: publish with the Arabic.
    page.check("#id_publish_untranslated")


def save(page):
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r".*/admin/petitions/petition/$"))


def test_staff_enter_petitions_and_a_citizen_follows_them(
    browser, live_server, transactional_db
):
    today = timezone.localdate()
    session = factories.MeetingFactory(
        kind=MeetingKind.COUNCIL,
        session_type=SessionType.ORDINARY,
        status=MeetingStatus.HELD,
        title_ar="الدورة العادية لشهر ماي",
        title_fr="Session ordinaire de mai",
        start=timezone.now() - datetime.timedelta(days=2),
    )
    point = factories.AgendaItemFactory(
        meeting=session,
        order=3,
        title_ar="دراسة عريضة تهيئة حديقة الحي",
        title_fr="Examen de la pétition sur le jardin du quartier",
        outcome=Outcome.ADOPTED,
        votes_for=33,
        votes_against=2,
        votes_abstaining=1,
        decision_text_ar="الموافقة على تهيئة حديقة الحي",
        decision_text_fr="Aménagement du jardin du quartier approuvé",
    )
    commission = factories.OrganizationFactory(
        name_ar="لجنة المرافق العمومية", name_fr="Commission des services publics"
    )
    context, page = log_in(browser, live_server)

    # A petition received on paper, refused by the bureau with its reasons.
    page.goto(f"{live_server.url}/admin/petitions/petition/add/")
    fill_petition(
        page,
        "إحداث سوق أسبوعي",
        "Création d'un souk hebdomadaire",
        today - datetime.timedelta(days=50),
        180,
        AGENT,
        CONTACT,
    )
    page.select_option("#id_bureau_decision", "refused")
    page.fill("#id_decision_date", (today - datetime.timedelta(days=5)).isoformat())
    page.fill("#id_decision_reasons_ar", "عدد التوقيعات أقل من 200")
    page.click('a[href="#tab_id_decision_reasons_fr"]')
    page.fill("#id_decision_reasons_fr", "Moins de 200 signatures")
    save(page)
    refused = Petition.objects.get(title_ar="إحداث سوق أسبوعي")
    assert refused.bureau_decision == BureauDecision.REFUSED

    # A second one, admissible, sent to a commission and decided in session.
    page.goto(f"{live_server.url}/admin/petitions/petition/add/")
    fill_petition(
        page,
        "تهيئة حديقة الحي",
        "Aménagement du jardin du quartier",
        today - datetime.timedelta(days=80),
        240,
        SECOND_AGENT,
        "youssef@example.ma",
    )
    page.select_option("#id_bureau_decision", "admissible")
    page.fill("#id_decision_date", (today - datetime.timedelta(days=40)).isoformat())
    page.click(".field-commission .select2-selection")
    page.fill(".select2-search__field", "المرافق")
    page.click(".select2-results__option >> text=لجنة المرافق العمومية")
    page.click(".field-agenda_item .select2-selection")
    page.fill(".select2-search__field", "حديقة")
    page.click(".select2-results__option >> text=دراسة عريضة تهيئة حديقة الحي")
    save(page)
    admissible = Petition.objects.get(title_ar="تهيئة حديقة الحي")
    assert admissible.agenda_item == point and admissible.commission == commission
    context.close()

    citizen = browser.new_context(locale="ar-MA").new_page()
    citizen.goto(f"{live_server.url}/ar/petitions/")
    register = citizen.locator("main").inner_text()
    assert "إحداث سوق أسبوعي" in register and "تهيئة حديقة الحي" in register
    assert "عدد التوقيعات أقل من 200" in register
    assert "الدورة العادية لشهر ماي" in register
    assert "الموافقة على تهيئة حديقة الحي" in register
    assert "مجموعة من المواطنات والمواطنين" in register
    for day in (refused.received_on, refused.decision_deadline):
        assert citizen.locator(f"time[datetime='{day.isoformat()}']").count() >= 1

    citizen.goto(f"{live_server.url}/fr/petitions/{admissible.pk}/")
    detail = citizen.locator("main").inner_text()
    assert "Aménagement du jardin du quartier" in detail
    assert "Commission des services publics" in detail
    assert "Session ordinaire de mai" in detail
    assert "Adopté" in detail
    assert "Tranchée dans le délai" in detail

    # Nobody's personal data: pages, the session's page, API, exports, search.
    addresses = [
        "/ar/petitions/",
        f"/ar/petitions/{refused.pk}/",
        f"/fr/petitions/{admissible.pk}/",
        session.get_absolute_url(),
        "/api/v1/petitions/?lang=all",
        "/ar/open-data/petitions.csv",
        "/ar/open-data/petitions.json",
        "/ar/search/?q=حديقة",
        f"/ar/search/?q={AGENT.split()[0]}",
    ]
    for address in addresses:
        body = citizen.request.get(f"{live_server.url}{address}").text()
        for secret in (AGENT, CONTACT, SECOND_AGENT, "youssef@example.ma"):
            assert secret not in body, (address, secret)
    # ... nor in the change history.
    for petition in (refused, admissible):
        for row in petition.history.all():
            assert not hasattr(row, "agent_name") and not hasattr(row, "agent_contact")
    citizen.context.close()
