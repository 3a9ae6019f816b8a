"""The main menu: folded behind a button on a phone, in one line on a desktop."""

import pytest

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

MENU_BUTTON = {"ar": "القائمة", "fr": "Menu", "en": "Menu", "zgh": "ⵜⴰⵍⴳⴰⵎⵜ"}
# WCAG 2.2's target size (minimum), 2.5.8.
TARGET_PX = 24

# Each child of the bar (the menu and the search form), and each element inside it, as
# boxes: a second line shows as a child lower than the first, an overflow as a box
# past the screen's edge or a bar wider than its box.
MEASURE_BAR = """() => {
  const bar = document.querySelector(".site-nav-inner");
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height};
  };
  return {
    children: [...bar.children].map(box),
    inside: [...bar.querySelectorAll("*")].filter((e) => e.getClientRects().length).map(box),
    scrollWidth: bar.scrollWidth,
    clientWidth: bar.clientWidth,
    screen: document.documentElement.clientWidth,
  };
}"""


def open_page(browser, live_server, language, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: message.type == "error" and errors.append(message.text),
    )
    page.goto(f"{live_server.url}/{language}/projects/")
    return context, page, errors


def assert_one_line_within_the_screen(page):
    bar = page.evaluate(MEASURE_BAR)
    # On one line every child starts above the bottom of every other one.
    lowest_top = max(child["top"] for child in bar["children"])
    highest_bottom = min(child["bottom"] for child in bar["children"])
    assert lowest_top < highest_bottom, f"the bar wraps: {bar['children']}"
    assert bar["scrollWidth"] <= bar["clientWidth"], bar
    for inner in bar["inside"]:
        assert inner["left"] >= 0 and inner["right"] <= bar["screen"], inner


@pytest.mark.parametrize("language", ["ar", "fr", "en", "zgh"])
def test_phone_menu_fits_one_line_and_opens_by_keyboard(
    live_server, kenitra, browser, language
):
    context, page, errors = open_page(browser, live_server, language, PHONE)
    menu = page.locator(".site-menu")
    button = menu.get_by_text(MENU_BUTTON[language], exact=True)
    links = menu.locator("a")
    assert button.is_visible()
    assert links.count() == 6
    assert not links.first.is_visible()
    assert_one_line_within_the_screen(page)
    button_box = page.locator(".site-menu-button").bounding_box()
    assert button_box["height"] >= TARGET_PX and button_box["width"] >= TARGET_PX
    # The button stands at the line's start: on the right in Arabic.
    search_box = page.locator(".site-search").bounding_box()
    if language == "ar":
        assert button_box["x"] > search_box["x"]
    else:
        assert button_box["x"] < search_box["x"]

    # From the keyboard: Tab reaches the button, Enter opens it, Tab goes on to the
    # first item; each item a full-width target on the screen.
    page.locator(".site-menu-button").focus()
    page.keyboard.press("Enter")
    assert page.locator(".site-menu-fold").evaluate("details => details.open")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == (
        f"/{language}/"
    )
    screen = PHONE["width"]
    for index in range(links.count()):
        link = links.nth(index)
        assert link.is_visible()
        box = link.bounding_box()
        assert box["height"] >= TARGET_PX, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= screen, box
    # The current page's mark is on the item's start side.
    current = menu.locator("a[aria-current=page]")
    side = "right" if language == "ar" else "left"
    assert (
        current.evaluate(f"a => getComputedStyle(a).border{side.title()}Width") == "4px"
    )
    assert_one_line_within_the_screen(page)

    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert not links.first.is_visible()
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_desktop_menu_shows_every_item_in_one_line_without_the_button(
    live_server, kenitra, browser, language
):
    context, page, errors = open_page(browser, live_server, language, DESKTOP)
    menu = page.locator(".site-menu")
    assert not page.locator(".site-menu-button").is_visible()
    links = menu.locator("a")
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1, tops
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    assert_one_line_within_the_screen(page)
    # Shift+Tab from the search box lands on the last item, not on a hidden button.
    page.locator("#site-search").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == (
        f"/{language}/petitions/"
    )
    context.close()
    assert not errors, errors
