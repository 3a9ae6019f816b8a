"""A change to a published project in a real browser: the editor edits it in Arabic,
the publisher sees the difference and sends it back with a comment, the editor sees
the comment and fixes it, the publisher approves it, and citizens then read it."""

import re

import pytest
from django.contrib.auth.models import Group

from core.models import Revision
from tests import factories

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


def member_of(group_name, username):
    user = factories.UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(browser, live_server, username):
    context = browser.new_context(
        locale="ar-MA", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return context, page


def test_a_change_to_a_published_project_is_reviewed_before_citizens_see_it(
    browser, live_server, transactional_db, artifacts
):
    project = factories.ProjectFactory(
        slug="open-days", title_ar="الأيام المفتوحة", summary_ar="أيام في الأحياء"
    )
    member_of("Editor", "editor")
    member_of("Publisher", "publisher")
    change_url = f"{live_server.url}/admin/projects/project/{project.pk}/change/"
    public_url = f"{live_server.url}/ar/projects/open-days/"

    # The editor changes the Arabic summary of the published project.
    context, page = log_in(browser, live_server, "editor")
    page.goto(change_url)
    page.fill("#id_summary_ar", "أيام مفتوحة في كل الأحياء كل شهر")
    page.click("input[name=_save]")
    page.wait_for_url(change_url)
    assert page.locator(".revision").count() == 1
    context.close()

    citizen = browser.new_context(locale="ar-MA").new_page()
    citizen.goto(public_url)
    assert "كل شهر" not in citizen.content()

    # The publisher sees the difference and sends it back with a comment.
    context, page = log_in(browser, live_server, "publisher")
    page.goto(f"{live_server.url}/admin/")
    page.click(
        f".staff-workspace a[href='/admin/projects/project/{project.pk}/change/']"
    )
    page.wait_for_url(change_url)
    changes = page.locator(".revision-changes")
    assert "أيام في الأحياء" in changes.inner_text()
    assert "كل شهر" in changes.inner_text()
    page.screenshot(path=str(artifacts / "revision-review-1280.png"), full_page=True)
    page.fill("#revision-review-note", "اذكروا الأحياء بالاسم")
    page.click(".revision-send-back button")
    page.wait_for_url(change_url)
    context.close()

    # The editor finds the comment on their workspace, fixes the change and saves.
    context, page = log_in(browser, live_server, "editor")
    assert "اذكروا الأحياء بالاسم" in page.locator(".staff-workspace").inner_text()
    page.screenshot(path=str(artifacts / "workspace-editor-1280.png"))
    page.set_viewport_size({"width": 360, "height": 800})
    page.screenshot(path=str(artifacts / "workspace-editor-360.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(change_url)
    assert "اذكروا الأحياء بالاسم" in page.locator(".revision").inner_text()
    assert page.input_value("#id_summary_ar") == "أيام مفتوحة في كل الأحياء كل شهر"
    page.fill("#id_summary_ar", "أيام مفتوحة كل شهر في الساكنية والخبازات")
    page.click("input[name=_save]")
    page.wait_for_url(change_url)
    context.close()
    citizen.goto(public_url)
    assert "الخبازات" not in citizen.content()

    # The publisher approves it by saving the form; citizens now read it.
    context, page = log_in(browser, live_server, "publisher")
    page.goto(change_url)
    assert "الخبازات" in page.locator(".revision-changes").inner_text()
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(r".*/admin/projects/project/$"))
    context.close()
    assert Revision.objects.get().state == "approved"

    citizen.goto(public_url)
    assert "أيام مفتوحة كل شهر في الساكنية والخبازات" in citizen.content()
    citizen.context.close()
