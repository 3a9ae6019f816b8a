"""The admin in Arabic on a 1280 px screen: no change page scrolls sideways."""

import pytest
from django.contrib import admin
from django.urls import reverse
from solo.admin import SingletonModelAdmin

from tests import factories

from .conftest import DESKTOP

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


def admin_pages():
    """Every model's add page, and the change page of its first row where there is one."""
    pages = []
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        if isinstance(model_admin, SingletonModelAdmin):
            # django-solo: one record, edited at the list's own address.
            pages.append(reverse("admin:{}_{}_changelist".format(*info)))
            continue
        pages.append(reverse("admin:{}_{}_add".format(*info)))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            pages.append(reverse("admin:{}_{}_change".format(*info), args=[first.pk]))
    return pages


def test_no_admin_change_page_scrolls_sideways_in_arabic_at_1280_px(
    live_server, kenitra, browser
):
    factories.UserFactory(username="chief", is_staff=True, is_superuser=True)
    context = browser.new_context(viewport=DESKTOP, locale="ar-MA")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    wide = {}
    for path in admin_pages():
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("dir") == "rtl", path
        overflow = page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide[path] = overflow
    context.close()
    assert not wide, f"pages wider than the screen (px): {wide}"
