"""Staff in a real browser: an editor drafts a project in Arabic and French and sends
it to review, a publisher publishes it, citizens find it; a councillor prints a
meeting's record to PDF."""

import io
import re
import unicodedata

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from projects.models import Project
from tests import factories

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


def member_of(group_name, username, **fields):
    user = factories.UserFactory(username=username, **fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in_to_admin(browser, live_server, username):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return context, page


def test_editor_drafts_and_sends_to_review_publisher_publishes_citizen_reads(
    browser, live_server, transactional_db
):
    axis = factories.AxisFactory(title_ar="الحكامة الرقمية")
    member_of("Editor", "editor", is_staff=True)
    member_of("Publisher", "publisher", is_staff=True)

    # The editor: a draft in Arabic, with its French tab filled in.
    context, page = log_in_to_admin(browser, live_server, "editor")
    # The browser asks for French; the admin still starts in Arabic.
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.goto(f"{live_server.url}/admin/projects/project/add/")
    page.fill("#id_title_ar", "منصة المشاركة الرقمية")
    page.click('a[href="#tab_id_title_fr"]')
    page.fill("#id_title_fr", "Plateforme de participation numérique")
    page.fill("#id_slug", "plateforme-participation")
    page.click(".field-axis .select2-selection")
    page.fill(".select2-search__field", "الحكامة")
    page.click(".select2-results__option >> text=الحكامة الرقمية")
    # An editor is not offered "published".
    assert page.locator("#id_publication_status option[value=published]").count() == 0
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r".*/admin/projects/project/$"))
    project = Project.objects.get(slug="plateforme-participation")
    assert project.publication_status == "draft"
    assert project.axis == axis
    assert project.title_fr == "Plateforme de participation numérique"

    # ... then sends it to review.
    page.goto(f"{live_server.url}/admin/projects/project/{project.pk}/change/")
    page.select_option("#id_publication_status", "review")
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r".*/admin/projects/project/$"))
    project.refresh_from_db()
    assert project.publication_status == "review"
    context.close()

    # Not on the public site yet.
    citizen = browser.new_context(locale="ar-MA").new_page()
    response = citizen.goto(f"{live_server.url}/ar/projects/plateforme-participation/")
    assert response.status == 404

    # The publisher sees what waits for review and publishes it in bulk.
    context, page = log_in_to_admin(browser, live_server, "publisher")
    page.goto(f"{live_server.url}/admin/projects/project/")
    page.click(".awaiting-review a")
    page.check(f"input[name=_selected_action][value='{project.pk}']")
    page.select_option("select[name=action]", "publish_selected")
    page.click("button[name=index]")
    # It has no English yet: a page of its own asks first, naming what is missing.
    confirmation = page.locator(".untranslated-records")
    assert "منصة المشاركة الرقمية" in confirmation.inner_text()
    assert "الإنجليزية" in confirmation.inner_text()
    project.refresh_from_db()
    assert not project.is_published
    page.click("input[type=submit][value='انشر رغم ذلك']")
    page.wait_for_url(re.compile(r".*/admin/projects/project/"))
    project.refresh_from_db()
    assert project.is_published
    assert project.last_edited_by.username == "publisher"
    context.close()

    # Citizens find it, in Arabic and in French.
    citizen.goto(f"{live_server.url}/ar/projects/plateforme-participation/")
    assert citizen.locator("h1").inner_text() == "منصة المشاركة الرقمية"
    citizen.goto(f"{live_server.url}/fr/projects/plateforme-participation/")
    assert "Plateforme de participation numérique" in citizen.locator("h1").inner_text()
    citizen.context.close()


def folded(text):
    """PDF text as comparable words: presentation forms undone, order-agnostic."""
    text = unicodedata.normalize("NFKC", text)
    return set(re.findall(r"\w+", text)) | {w[::-1] for w in re.findall(r"\w+", text)}


def test_councillor_prints_a_meeting_record_to_a_paginated_pdf(
    browser, live_server, transactional_db
):
    meeting = factories.MeetingFactory(
        publication_status="draft",
        title_ar="لقاء المجلس 2024",
        minutes_ar="<p>" + "نقاش مفصل حول الميزانية. " * 400 + "</p>",
    )
    factories.FollowUpActionFactory(meeting=meeting, title_ar="إجراء متابعة")
    member_of("Councillor", "councillor")

    context = browser.new_context(locale="ar-MA")
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/records/login/")
    page.fill("input[name=username]", "councillor")
    page.fill("input[name=password]", PASSWORD)
    page.click(".records-login button[type=submit]")
    page.wait_for_url(f"{live_server.url}/ar/records/")
    page.goto(f"{live_server.url}/ar/records/meetings/{meeting.pk}/print/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    context.close()

    assert len(pdf.pages) >= 2  # the long minutes run over several pages
    first_page = folded(pdf.pages[0].extract_text())
    whole = folded("".join(p.extract_text() for p in pdf.pages))
    # The commune's header, in whatever words the Arabic catalogue gives it.
    with translation.override("ar"):
        header = gettext("Commune of Kenitra")
    assert folded(header) & first_page >= set(re.findall(r"\w+", header))
    assert "المجلس" in first_page  # the meeting's title
    assert "2024" in first_page
    assert str(timezone.localdate().year) in first_page  # printed on
    assert "الميزانية" in whole
    assert "متابعة" in whole
