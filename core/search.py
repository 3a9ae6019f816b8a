"""The one search engine: what a query matches, and how a match is shown.

A record matches when every word of the query begins one of the words of its
normalised `search_text` (so "festi" finds "festival"), where an Arabic word may
also carry or drop the article and the one-letter prefixes written joined to it
(so "متحف" finds "المتحف" and "بالمتحف", and "الجودة" finds "وجودة").

Both databases apply exactly that rule, so they return the same records:

* PostgreSQL keeps a GIN index on `array_to_tsvector(string_to_array(search_text,
  ' '))` and asks it with prefix queries (`'word':*`). The words are the
  normaliser's, split on its single spaces. Neither text search configuration
  gives the same words as SQLite can: PostgreSQL 15's `arabic` stemmer turns
  "الرقمنة" into "رقمن" but "الرقمنه" into "رقمنه", "مهرجان" into "مهرج" but
  "والمهرجان" into "والمهرج"; `simple`'s parser keeps "3.5" as one word and makes
  three of "e-mail". Using no configuration at all is what guarantees the same
  results.
* SQLite (no full-text index worth its set-up for a few thousand rows) looks for
  each word form at the start of the text or after a space.
"""

import html
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchQueryField, SearchVectorField
from django.db import connections
from django.db.migrations.operations.base import Operation
from django.db.models import BooleanField, Func, Q, Value
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from .text import normalize, word_spans

# Longer queries are cut: each word adds a dozen conditions to the SQL.
MAX_QUERY_WORDS = 8

# Written joined to the next word; a query word loses its article, then matches the
# word with any of these in front.
_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")
_PREFIXES = ("", "ال", "وال", "بال", "فال", "كال", "لل", "و", "ب", "ل", "ف", "ك")


def _is_arabic(word):
    return "\u0600" <= word[0] <= "\u06ff"


def word_forms(word):
    """The forms under which `word` (normalised) may begin a word of the text."""
    if not _is_arabic(word):
        return (word,)
    core = word
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            core = word[len(article) :]
            break
    if len(core) < 2:
        return (word,)
    return tuple(dict.fromkeys(prefix + core for prefix in _PREFIXES))


def query_words(q):
    """The normalised words of a query, at most MAX_QUERY_WORDS, without repeats."""
    return list(dict.fromkeys(normalize(q).split()))[:MAX_QUERY_WORDS]


class _SearchDocument(Func):
    # The very expression of the GIN index that CreateSearchIndex makes: PostgreSQL
    # uses an expression index only for a query with the same expression.
    template = "array_to_tsvector(string_to_array(%(expressions)s, ' '))"
    output_field = SearchVectorField()


class _PrefixQuery(Func):
    # A cast, not to_tsquery(): to_tsquery would stem the words with the server's
    # default configuration, which SQLite cannot do.
    template = "%(expressions)s::tsquery"
    output_field = SearchQueryField()


class _Matches(Func):
    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _tsquery(words):
    # Words hold only letters and digits (see normalize), so quoting them is safe;
    # the value is still passed as a query parameter.
    return " & ".join(
        "(" + " | ".join(f"'{form}':*" for form in word_forms(word)) + ")"
        for word in words
    )


def search_queryset(queryset, q):
    """`queryset` narrowed to the records whose search text matches query `q`.

    A query with no words (empty, or only punctuation) leaves `queryset` as it is.
    """
    words = query_words(q)
    if not words:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(
            _Matches(
                _SearchDocument("search_text"), _PrefixQuery(Value(_tsquery(words)))
            )
        )
    for word in words:
        condition = Q()
        for form in word_forms(word):
            condition |= Q(search_text__startswith=form)
            condition |= Q(search_text__contains=f" {form}")
        queryset = queryset.filter(condition)
    return queryset


def _matches(word, words):
    return any(word.startswith(form) for w in words for form in word_forms(w))


def highlight(text, words, length=None):
    """`text` escaped, its matching words in <mark>; None if no word matches.

    With `length`, only about that many characters around the first match.
    """
    text = html.unescape(strip_tags(str(text or "")))
    found = [
        (start, end) for word, start, end in word_spans(text) if _matches(word, words)
    ]
    if not found:
        return None
    begin, finish = 0, len(text)
    if length is not None:
        begin = max(0, found[0][0] - length // 4)
        # Start and end the extract on a space, so that no word is cut in two.
        if begin:
            space = text.find(" ", begin, found[0][0])
            begin = space + 1 if space != -1 else found[0][0]
        finish = min(len(text), begin + length)
        if finish < len(text):
            space = text.rfind(" ", found[0][1], finish)
            finish = space if space != -1 else max(finish, found[0][1])
    parts = ["…" if begin else ""]
    position = begin
    for start, end in found:
        if start < begin or end > finish:
            continue
        parts.append(conditional_escape(text[position:start]))
        parts.append(format_html("<mark>{}</mark>", text[start:end]))
        position = end
    parts.append(conditional_escape(text[position:finish]))
    parts.append("…" if finish < len(text) else "")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


@dataclass
class Snippet:
    html: str
    # The language of the extract when it is not the page's (shown with lang/dir).
    language: str | None = None


def snippet(obj, fields, words, length=200):
    """An extract of `obj`'s text around what matched, the page's language first.

    A field may be a related object's ("axis.title"). The title in the page's
    language is shown as the result's heading, so it gives no extract; in another
    language it does, and says why a record was found by a word of that language.
    """
    current = get_language()
    languages = [current] + [
        code for code, _name in settings.LANGUAGES if code != current
    ]
    for path in fields:
        *related, field = path.split(".")
        owner = obj
        for name in related:
            owner = getattr(owner, name)
        translated = hasattr(owner, f"{field}_{current}")
        for language in languages if translated else [None]:
            value_language = language or getattr(owner, "language", current)
            if path == "title" and value_language == current:
                continue
            value = getattr(owner, f"{field}_{language}" if language else field)
            marked = highlight(value, words, length)
            if marked is not None:
                return Snippet(
                    marked, None if value_language == current else value_language
                )
    # The match was in a field not shown (a location, a lead department): the
    # beginning of the first field still says what the record is.
    value = html.unescape(strip_tags(str(getattr(obj, fields[0], "") or "")))
    return Snippet(conditional_escape(Truncator(value).chars(length)))


class CreateSearchIndex(Operation):
    """The GIN index on a searchable model's words, on PostgreSQL (a no-op elsewhere).

    Each app's migration adds it for its own searchable models, so that no list of
    models is kept in one place.
    """

    reversible = True

    def __init__(self, model_name):
        self.model_name = model_name

    def deconstruct(self):
        return self.__class__.__qualname__, [self.model_name], {}

    def state_forwards(self, app_label, state):
        pass

    @staticmethod
    def index_name(table):
        return f"{table}_search_gin"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = to_state.apps.get_model(app_label, self.model_name)._meta.db_table
        quote = schema_editor.quote_name
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(self.index_name(table))} ON "
            f"{quote(table)} USING gin ({_SearchDocument.template % {'expressions': 'search_text'}})"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = from_state.apps.get_model(app_label, self.model_name)._meta.db_table
        schema_editor.execute(
            f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.index_name(table))}"
        )

    def describe(self):
        return f"Create the search index of {self.model_name}"

    @property
    def migration_name_fragment(self):
        return f"search_index_{self.model_name.lower()}"
