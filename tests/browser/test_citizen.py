"""A citizen on a phone, in Arabic first, as issue 3 describes; and every page's health."""

import gzip
import re
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation

from projects.models import Project
from tests.page_types import page_paths

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

HOME_BUDGET_BYTES = 300 * 1024


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_citizen_browses_in_arabic_on_a_phone_then_switches_to_french(
    live_server, kenitra, phone, artifacts
):
    page = phone
    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/ar/"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_no_horizontal_scroll(page)

    # An axis from the home page's cards.
    page.get_by_role("link", name="الرقمنة وجودة الخدمات الجماعية").first.click()
    assert "/ar/axes/" in page.url
    assert page.locator("h1").inner_text() == "الرقمنة وجودة الخدمات الجماعية"
    assert_no_horizontal_scroll(page)

    # One of its projects.
    page.locator(".project-card a").first.click()
    assert "/ar/projects/" in page.url
    project_title = page.locator("h1").inner_text()
    assert page.get_by_role("progressbar").count() == 1
    assert_no_horizontal_scroll(page)

    # The launch meeting, through the main menu, folded on a phone.
    menu = page.get_by_role("navigation", name="القائمة الرئيسية")
    menu.get_by_text("القائمة", exact=True).click()
    menu.get_by_role("link", name="اللقاءات").click()
    page.get_by_role("link", name=re.compile("لقاء تشاوري")).first.click()
    assert "/ar/meetings/" in page.url
    assert "15 ماي 2024" in page.locator("main").inner_text()
    assert page.get_by_text("قاعة الندوات بالقصر البلدي").count() >= 1
    assert_no_horizontal_scroll(page)

    # A search with a misspelt word: no hamza on إحداث, ه for ة in الرقمنة.
    search_box = page.get_by_role("searchbox", name="البحث في الموقع")
    search_box.fill("احداث")
    search_box.press("Enter")
    page.wait_for_url(re.compile(r"/ar/search/\?q="))
    results = page.locator(".search-results").all_inner_texts()
    assert any("إحداث" in text for text in results), results
    page.goto(live_server.url + "/ar/search/?q=" + quote("الرقمنه"))
    assert "الرقمنة" in " ".join(page.locator(".search-results").all_inner_texts())
    assert_no_horizontal_scroll(page)

    # French, on the same page with the same query.
    page.get_by_role("link", name="français").click()
    assert page.url == live_server.url + "/fr/search/?q=" + quote("الرقمنه")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "fr"

    # And back on the project, French keeps you where you were.
    with translation.override("ar"):
        project = Project.objects.get(title_ar=project_title)
        arabic_path = project.get_absolute_url()
    page.goto(live_server.url + arabic_path)
    page.get_by_role("link", name="français").click()
    assert page.url == live_server.url + arabic_path.replace("/ar/", "/fr/", 1)
    page.screenshot(path=artifacts / "journey-project-fr-phone.png", full_page=True)


@pytest.mark.parametrize("language", ["ar", "fr", "en", "zgh"])
def test_every_page_type_passes_axe_and_fits_a_phone(
    live_server, kenitra, browser, artifacts, language
):
    axe = Axe()
    failures = {}
    for size_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for name, path in page_paths(language).items():
            page.goto(live_server.url + path)
            assert page.locator("h1").count() == 1, f"{path}: one h1"
            page.screenshot(
                path=artifacts / f"{name}-{language}-{size_name}.png", full_page=True
            )
            assert_no_horizontal_scroll(page)
            results = axe.run(page)
            if results.violations_count:
                failures[f"{path} ({size_name})"] = results.generate_report()
        context.close()
    assert not failures, "\n\n".join(f"{p}\n{r}" for p, r in failures.items())


# An Arabic letter, then a Latin comma, then (after spaces) another Arabic letter.
LATIN_COMMA_IN_ARABIC = re.compile(
    "[\u0600-\u06ff\u0750-\u077f][\u200e\u200f\u2066-\u2069]*\\s*,"
    "[\u200e\u200f\u2066-\u2069\\s]*[\u0600-\u06ff\u0750-\u077f]"
)


def test_no_arabic_page_puts_a_latin_comma_between_arabic_words(
    live_server, kenitra, phone
):
    found = {}
    for path in page_paths("ar").values():
        phone.goto(live_server.url + path)
        # Closed <details> (the press article) count too: what a reader opens.
        phone.evaluate(
            "document.querySelectorAll('details').forEach(d => d.open = true)"
        )
        text = phone.locator("body").inner_text()
        hits = [match.group() for match in LATIN_COMMA_IN_ARABIC.finditer(text)]
        if hits:
            found[path] = hits
    assert not found, found


def test_home_page_weighs_less_than_300_kb_on_first_load(live_server, kenitra, phone):
    """What the network carries: text gzipped, as nginx and WhiteNoise send it."""
    sizes = {}

    def record(response):
        body = response.body()
        kind = response.headers.get("content-type", "")
        compressible = kind.startswith(("text/", "application/json", "image/svg"))
        sizes[response.url] = len(gzip.compress(body)) if compressible else len(body)

    phone.on("response", record)
    phone.goto(live_server.url + "/ar/", wait_until="networkidle")
    total = sum(sizes.values())
    print(f"\nHome page, first load: {total / 1024:.1f} KB in {len(sizes)} responses")
    for url, size in sorted(sizes.items(), key=lambda item: -item[1]):
        print(f"  {size / 1024:7.1f} KB  {url}")
    assert total < HOME_BUDGET_BYTES
