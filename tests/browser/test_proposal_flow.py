"""A citizen sends a proposal from a phone, an editor answers it in the admin, a
publisher publishes it, and the citizen reads the answer by following the reference;
the same form in French."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group

from core import permissions
from projects.models import Axis
from tests.factories import UserFactory
from workshops.models import Proposal, ProposalStatus

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

EDITOR_PASSWORD = "a-long-test-password"
ANSWER = "سيتم إدراج الاقتراح في برنامج الرقمنة خلال السنة المقبلة."


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def assert_accessible(page):
    results = Axe().run(page)
    assert not results.violations_count, results.generate_report()


@pytest.fixture
def people_take_a_second(settings):
    # The form refuses what is sent sooner than a person could; the tests wait this.
    settings.PROPOSAL_MIN_FILL_SECONDS = 1


@pytest.fixture
def editor(kenitra):
    user = UserFactory(username="editor", is_staff=True, password=EDITOR_PASSWORD)
    user.groups.add(Group.objects.get(name=permissions.EDITOR))
    return user


@pytest.fixture
def publisher(kenitra):
    user = UserFactory(username="publisher", is_staff=True, password=EDITOR_PASSWORD)
    user.groups.add(Group.objects.get(name=permissions.PUBLISHER))
    return user


def admin_page(browser, live_server, username):
    desk = browser.new_context(viewport=DESKTOP, locale="ar-MA")
    admin = desk.new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.fill("#id_username", username)
    admin.fill("#id_password", EDITOR_PASSWORD)
    admin.locator('input[type="submit"]').click()
    admin.wait_for_url(live_server.url + "/admin/")
    return desk, admin


def fill_proposal(page, *, axis, title, text, name, email=""):
    page.select_option("#id_axis", label=axis)
    page.fill("#id_title", title)
    page.fill("#id_text", text)
    page.fill("#id_submitter_name", name)
    if email:
        page.fill("#id_submitter_email", email)


def test_citizen_sends_a_proposal_from_a_phone_and_reads_the_answer(
    live_server, kenitra, editor, publisher, phone, browser, people_take_a_second
):
    page = phone
    axis = Axis.objects.published().order_by("number").first().title_ar
    page.goto(live_server.url + "/ar/proposals/")
    page.locator('main a[href="/ar/proposals/new/"]').first.click()
    assert page.url == live_server.url + "/ar/proposals/new/"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # First try: the title is too short and consent is missing.
    fill_proposal(
        page,
        axis=axis,
        title="شباك",
        text="نقترح إحداث شباك رقمي في كل مقاطعة لتسليم الوثائق الإدارية دون انتظار.",
        name="سعاد",
        email="souad@example.test",
    )
    page.wait_for_timeout(1100)
    page.locator('form.proposal-form button[type="submit"]').click()

    # Nothing lost: every value is back, the errors are next to their fields.
    assert page.locator("#form-problem").is_visible()
    assert page.locator("#id_title_error").is_visible()
    assert page.locator("#id_consent_error").is_visible()
    assert page.input_value("#id_title") == "شباك"
    assert page.input_value("#id_submitter_email") == "souad@example.test"
    assert page.input_value("#id_text").startswith("نقترح إحداث شباك رقمي")
    assert page.locator("#id_axis option:checked").inner_text() == axis
    assert_no_horizontal_scroll(page)
    assert not Proposal.objects.exists()

    page.fill("#id_title", "شباك رقمي في كل مقاطعة")
    page.check("#id_consent")
    page.wait_for_timeout(1100)
    page.locator('form.proposal-form button[type="submit"]').click()

    assert "/ar/proposals/sent/" in page.url
    reference = page.locator(".proposal-reference").inner_text()
    assert re.fullmatch(r"KNT-\d{4}-\d{4}", reference)
    assert_no_horizontal_scroll(page)
    proposal = Proposal.objects.get(reference=reference)
    assert (proposal.language, proposal.is_published) == ("ar", False)

    # An editor answers it in the admin, on a desktop, and sends it to review...
    change_url = live_server.url + f"/admin/workshops/proposal/{proposal.pk}/change/"
    desk, admin = admin_page(browser, live_server, "editor")
    admin.goto(change_url)
    admin.select_option('select[name="status"]', ProposalStatus.ACCEPTED.value)
    admin.fill('textarea[name="public_answer_ar"]', ANSWER)
    admin.select_option('select[name="publication_status"]', "review")
    admin.locator('input[name="_save"]').click()
    admin.wait_for_url(re.compile(r".*/admin/workshops/proposal/$"))
    desk.close()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.is_published) == (ProposalStatus.ACCEPTED, False)

    # ... and a publisher publishes it, the answer being in Arabic only.
    desk, admin = admin_page(browser, live_server, "publisher")
    admin.goto(change_url)
    admin.select_option('select[name="publication_status"]', "published")
    admin.check("#id_publish_untranslated")
    admin.locator('input[name="_save"]').click()
    admin.wait_for_url(re.compile(r".*/admin/workshops/proposal/$"))
    desk.close()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.is_published) == (ProposalStatus.ACCEPTED, True)

    # The citizen follows the proposal, typing the reference with Arabic digits.
    page.locator('a[href^="/ar/proposals/follow/"]').first.click()
    page.fill(
        "#id_reference", reference.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    )
    page.locator("main form button").click()
    assert ANSWER in page.locator("main").inner_text()
    assert page.locator(".status-badge.proposal-accepted").first.is_visible()
    assert_no_horizontal_scroll(page)

    page.locator(f'main a[href="{proposal.get_absolute_url()}"]').click()
    assert page.locator("h1").inner_text() == "شباك رقمي في كل مقاطعة"
    assert ANSWER in page.locator("main").inner_text()
    assert "سعاد" not in page.content()
    assert "souad@example.test" not in page.content()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_the_form_works_in_french(live_server, kenitra, browser, people_take_a_second):
    context = browser.new_context(viewport=PHONE, locale="fr-MA")
    page = context.new_page()
    axis = Axis.objects.published().order_by("number").first().title_fr

    page.goto(live_server.url + "/fr/proposals/new/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("html").get_attribute("dir") == "ltr"
    fill_proposal(
        page,
        axis=axis,
        title="Des bancs à l'ombre",
        text="Installer des bancs à l'ombre près de l'entrée du jardin public.",
        name="Youssef",
    )
    page.check("#id_consent")
    assert_accessible(page)
    page.wait_for_timeout(1100)
    page.locator('form.proposal-form button[type="submit"]').click()

    assert "/fr/proposals/sent/" in page.url
    reference = page.locator(".proposal-reference").inner_text()
    assert Proposal.objects.get(reference=reference).language == "fr"
    assert_no_horizontal_scroll(page)
    context.close()
