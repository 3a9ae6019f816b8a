"""The words of a result that match a query, marked, and the extract around them."""

import html
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from ..text import word_spans
from .documents import field_owner
from .query import parsed_query


def highlight(text, q, length=None):
    """`text` escaped, its matching words in <mark>; None if no word matches.

    With `length`, only about that many characters around the first match. A mark
    spans whole words of the original text, so no Arabic letter loses its joins.
    """
    parsed = parsed_query(q)
    text = str(text or "")
    # Before the tags are stripped, which takes longer than the rest.
    if not parsed.may_match(html.unescape(text)):
        return None
    text = html.unescape(strip_tags(text))
    matched = (
        (start, end) for word, start, end in word_spans(text) if parsed.matches(word)
    )
    first = next(matched, None)
    if first is None:
        return None
    begin, finish = 0, len(text)
    if length is not None:
        begin = max(0, first[0] - length // 4)
        # Start and end the extract on a space, so that no word is cut in two.
        if begin:
            space = text.find(" ", begin, first[0])
            begin = space + 1 if space != -1 else first[0]
        finish = min(len(text), begin + length)
        if finish < len(text):
            space = text.rfind(" ", first[1], finish)
            finish = space if space != -1 else max(finish, first[1])
    # The words after the extract are not looked at.
    found = [first]
    for start, end in matched:
        if end > finish:
            break
        found.append((start, end))
    parts = ["…" if begin else ""]
    position = begin
    for start, end in found:
        parts.append(conditional_escape(text[position:start]))
        parts.append(format_html("<mark>{}</mark>", text[start:end]))
        position = end
    parts.append(conditional_escape(text[position:finish]))
    parts.append("…" if finish < len(text) else "")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


SNIPPET_SCAN = 1500


@dataclass
class Snippet:
    html: str
    # The language of the extract when it is not the page's (shown with lang/dir).
    language: str | None = None


def snippet(obj, fields, q, length=200, title="title"):
    """An extract of `obj`'s text around what matched, the page's language first.

    A field may be a related object's ("axis.title"). The title in the page's
    language is shown as the result's heading, so it gives no extract; in another
    language it does, and says why a record was found by a word of that language.
    """
    parsed = parsed_query(q)
    current = get_language()
    languages = [current] + [
        code for code, _name in settings.LANGUAGES if code != current
    ]
    for path in fields:
        owner, name = field_owner(obj, path)
        if owner is None:
            continue
        translated = hasattr(owner, f"{name}_{current}")
        for language in languages if translated else [None]:
            value_language = language or getattr(owner, "language", current)
            if path == title and value_language == current:
                continue
            value = getattr(owner, f"{name}_{language}" if language else name)
            # An extract comes from the beginning of a long text (minutes): finding
            # the words in all of it would cost more than the rest of the page.
            marked = highlight(str(value or "")[:SNIPPET_SCAN], parsed, length)
            if marked is not None:
                return Snippet(
                    marked, None if value_language == current else value_language
                )
    # The match was in a field not shown (a location, a lead department): the
    # beginning of the first field still says what the record is, unless it is
    # the heading itself.
    if fields[0] == title:
        return Snippet("")
    value = html.unescape(strip_tags(str(getattr(obj, fields[0], "") or "")))
    return Snippet(conditional_escape(Truncator(value).chars(length)))
