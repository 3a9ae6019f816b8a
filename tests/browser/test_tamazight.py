"""The Tamazight home page on a phone: Tifinagh drawn with a real face, no English."""

import re

import pytest

pytestmark = pytest.mark.browser

# Codes and names that every language writes the same way.
# RSS, and the licence's own name (CC BY 4.0).
NOT_ENGLISH = {"BY", "CC", "RSS"}

# For each Tifinagh letter on the page: its width in the page's own fonts and in the
# Noto Sans Tifinagh the portal serves, and whether its drawing, in the page's fonts,
# is the same picture as a missing-glyph box (an unassigned code point of the block).
MEASURE_TIFINAGH = """() => {
  const letters = [...new Set(document.body.innerText.match(/[\\u2d30-\\u2d7f]/g))];
  const style = getComputedStyle(document.querySelector("main h1"));
  const served = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} "Noto Sans Tifinagh"`;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 96;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const width = (font, text) => { context.font = font; return context.measureText(text).width; };
  const picture = (text) => {
    context.clearRect(0, 0, 96, 96);
    context.font = `64px ${style.fontFamily}`;
    context.fillText(text, 8, 72);
    return Array.from(context.getImageData(0, 0, 96, 96).data).join(",");
  };
  const box = picture("\\u2d68");
  return {
    letters,
    page: letters.map((c) => width(style.font, c)),
    served: letters.map((c) => width(served, c)),
    boxes: letters.filter((c) => picture(c) === box),
  };
}"""

# Visible text outside elements marked as another language (the switcher, Arabic
# fallbacks), and the labels a screen reader reads.
ZGH_TEXT = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (element.closest('[lang]:not([lang="zgh"])')) continue;
    if (getComputedStyle(element).display === "none") continue;
    parts.push(node.textContent);
  }
  for (const element of document.querySelectorAll("[aria-label],[placeholder],[alt]")) {
    if (element.closest('[lang]:not([lang="zgh"])')) continue;
    for (const name of ["aria-label", "placeholder", "alt"]) {
      parts.push(element.getAttribute(name) || "");
    }
  }
  return parts.join(" ");
}"""


def test_tamazight_home_on_a_phone_draws_every_tifinagh_letter(
    live_server, kenitra, phone, artifacts
):
    phone.goto(live_server.url + "/zgh/", wait_until="networkidle")
    phone.evaluate("document.fonts.ready")
    phone.screenshot(path=artifacts / "home-zgh-phone.png", full_page=True)
    assert phone.evaluate("document.documentElement.lang") == "zgh"
    assert phone.evaluate("document.documentElement.dir") == "ltr"

    # The face served from npm's @fontsource package was needed, and loaded.
    faces = phone.evaluate(
        "[...document.fonts].map((f) => [f.family.replaceAll('\"', ''), f.status])"
    )
    assert ["Noto Sans Tifinagh", "loaded"] in faces

    measured = phone.evaluate(MEASURE_TIFINAGH)
    assert len(measured["letters"]) >= 20, measured["letters"]
    assert measured["boxes"] == []
    for letter, page_width, served_width in zip(
        measured["letters"], measured["page"], measured["served"], strict=True
    ):
        # Drawn by the served Tifinagh face, not by another face's few letters.
        assert page_width == pytest.approx(served_width), letter


def test_tamazight_home_shows_no_english(live_server, kenitra, phone):
    phone.goto(live_server.url + "/zgh/")
    text = phone.evaluate(ZGH_TEXT)
    assert re.search("[\u2d30-\u2d7f]{3}", text)
    assert set(re.findall("[A-Za-z]{2,}", text)) <= NOT_ENGLISH
