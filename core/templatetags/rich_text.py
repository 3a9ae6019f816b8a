"""Shows the staff rich text fields listed in core.sanitize, and press texts."""

import re

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from core.sanitize import sanitize_html

register = template.Library()


@register.filter
def rich_text(value):
    """Sanitised HTML as HTML; text typed without tags keeps its paragraphs."""
    if not value:
        return ""
    # Sanitised again on output, so a value saved before sanitising existed is safe.
    clean = sanitize_html(value)
    if "<" not in clean:
        # nh3 has already escaped &, < and >, so linebreaks must not escape again.
        return linebreaks_filter(mark_safe(clean), autoescape=False)  # noqa: S308
    return mark_safe(clean)  # noqa: S308


_BOLD = re.compile(r"\*\*(.+?)\*\*")
# Press texts mark list items with a dash of any kind (the seed article: "– ").
_LIST_ITEM = re.compile(r"^\s*[-–—•]\s+")


def _inline(line):
    """One line, escaped, with **bold** as <strong>."""
    return _BOLD.sub(r"<strong>\1</strong>", conditional_escape(line))


@register.filter
def press_text(value):
    """A pasted press text as paragraphs and lists, its **bold** kept.

    Newspapers' texts arrive as plain lines with Markdown-like marks: a line is a
    paragraph, a line that starts with a dash is an item of a list. Every line is
    escaped before the marks become tags, so nothing in it can become markup.
    """
    if not value:
        return ""
    html, items = [], []
    for raw in str(value).splitlines():
        line = raw.strip()
        if _LIST_ITEM.match(line):
            items.append(f"<li>{_inline(_LIST_ITEM.sub('', line))}</li>")
            continue
        if items:
            html.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line:
            html.append(f"<p>{_inline(line)}</p>")
    if items:
        html.append("<ul>" + "".join(items) + "</ul>")
    return mark_safe("\n".join(html))  # noqa: S308 - built from escaped lines
