"""The one search engine: stored documents, queries, ranking and highlights.

Every searchable record keeps a *search document*: the normalised words of its
text in every language (core/text.py), each Arabic word also without the article
or joined letter it may begin with, each word's stem, and the same again for its
title, marked. Stems are made here, in Python, by Snowball's
stemmers (PyStemmer) of the site's languages, at index time and at query time, so
SQLite and PostgreSQL hold the very same tokens and return the very same records.

A record matches when every word of the query
* begins a word of the document (so "festi" finds "festival"), where an Arabic
  word may also carry or drop the article and the letters written joined to it
  ("متحف" finds "المتحف" and "بالمتحف"; "ومتحف" finds "متحف"), or
* has the stem of one of its words ("ateliers" finds "Atelier", "هيئة" finds
  "هيئات", "ورشات" finds "ورشة").

Records are ranked: the title matching every word above the body only, exact
words above stems, then the most recent first. A word found in more than
MAX_COUNTED records of one kind is counted as "more than" that, and only its
MAX_RANKED newest matches are ranked, so that a common word costs what a rare one
does.

* PostgreSQL stores the document as a `tsvector` column with a GIN index, and asks
  it with a `tsquery` cast from text (prefix terms `'word':*`, stems as whole
  lexemes). No text search configuration is involved: PostgreSQL's own `arabic`
  stemmer gives "رقمن" for "الرقمنة" but "رقمنه" for "الرقمنه", which the
  normaliser folds together. A stored column (not an expression index) has
  statistics of its own, so the planner prices the index rightly whatever the
  table size, and no row is re-split at query time. The index needs no extension
  and no superuser right.
* SQLite stores the same tokens as text between spaces, and looks for " token"
  (a prefix) or " token " (a whole token) in it.
"""

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer
from django.conf import settings
from django.contrib.postgres.search import SearchQueryField
from django.db import connections, models
from django.db.migrations.operations.base import Operation
from django.db.models import BooleanField, Case, F, Func, IntegerField, Q, Value, When
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_info

from .text import normalize, word_spans

# Longer queries are cut: each word adds a dozen conditions to the SQL.
MAX_QUERY_WORDS = 8
DOCUMENT_FIELD = "search_document"
# Markers that the normaliser never puts in a word (it keeps letters and digits).
STEM = "~"
TITLE = "^"

# Written joined to the next word; a query word loses its article, then matches the
# word with any of these in front.
_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")
_PREFIXES = ("", "ال", "وال", "بال", "فال", "كال", "لل", "و", "ب", "ل", "ف", "ك")
# A conjunction or preposition of one letter, typed joined to a query word.
_JOINED_LETTERS = "وبلفك"


def _is_arabic(word):
    return "\u0600" <= word[0] <= "\u06ff"


def _without_article(word):
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article) :]
    return word


def word_forms(word):
    """The forms under which `word` (normalised) may begin a word of the text."""
    if not _is_arabic(word):
        return (word,)
    core = _without_article(word)
    if len(core) < 2:
        return (word,)
    return tuple(dict.fromkeys(prefix + core for prefix in _PREFIXES))


@lru_cache(maxsize=1)
def _stemmers():
    """Snowball's stemmers for the site's languages: (Arabic script, other scripts).

    A language is stemmed when Snowball has an algorithm of its name; a language
    written right to left here is written in Arabic script.
    """
    algorithms = set(Stemmer.algorithms())
    arabic_script, other_scripts = [], []
    for code, _name in settings.LANGUAGES:
        try:
            info = get_language_info(code)
        except KeyError:
            continue
        algorithm = info["name"].lower()
        if algorithm in algorithms:
            stemmers = arabic_script if info["bidi"] else other_scripts
            stemmers.append(Stemmer.Stemmer(algorithm))
    return tuple(arabic_script), tuple(other_scripts)


@lru_cache(maxsize=65536)
def stems(word):
    """The stems of a normalised word, in the normaliser's letters."""
    arabic_script, other_scripts = _stemmers()
    if _is_arabic(word):
        # Snowball's Arabic stemmer treats a word more regularly with its article
        # and reads ة as the feminine ending; the normaliser wrote ه for ة and the
        # article may or may not be there, so both are put back the same way.
        core = _without_article(word)
        if core.endswith("ه"):
            core = core[:-1] + "ة"
        found = {normalize(stemmer.stemWord("ال" + core)) for stemmer in arabic_script}
    else:
        found = {normalize(stemmer.stemWord(word)) for stemmer in other_scripts}
    return tuple(sorted(stem for stem in found if stem and " " not in stem))


def field_texts(obj, fields):
    """The text of each of `fields` of `obj` in every language, without repeats.

    A field may be a related object's ("axis.title").
    """
    parts = []
    for path in fields:
        *related, name = path.split(".")
        owner = obj
        for step in related:
            owner = getattr(owner, step, None)
        if owner is None:
            continue
        for code, _label in settings.LANGUAGES:
            value = getattr(owner, f"{name}_{code}", None)
            if value is None and code == settings.LANGUAGES[0][0]:
                value = getattr(owner, name, "")
            if value:
                parts.append(strip_tags(str(value)))
    return list(dict.fromkeys(parts))


def _unjoined(word):
    """`word` and, for an Arabic word, what is left without each article or
    joined letter it may begin with ("بالمتحف": "متحف", "المتحف"), so that a
    query asks for one prefix where it would ask for a dozen."""
    forms = [word]
    if _is_arabic(word):
        forms += [
            word[len(prefix) :]
            for prefix in _PREFIXES[1:]
            if word.startswith(prefix) and len(word) - len(prefix) >= 2
        ]
    return forms


def document(text, title=""):
    """The search document of a record: its words and stems, its title's marked."""
    tokens = {}
    for mark, words in (("", normalize(text)), (TITLE, normalize(title))):
        for word in words.split():
            for form in _unjoined(word):
                tokens[mark + form] = None
            for stem in stems(word):
                tokens[mark + STEM + stem] = None
    return " ".join(tokens)


class SearchDocumentField(models.TextField):
    """A search document: `tsvector` on PostgreSQL, text between spaces elsewhere."""

    def db_type(self, connection):
        if connection.vendor == "postgresql":
            return "tsvector"
        return super().db_type(connection)

    def get_db_prep_value(self, value, connection, prepared=False):
        value = super().get_db_prep_value(value, connection, prepared)
        if value is None:
            return None
        tokens = str(value).split()
        if connection.vendor == "postgresql":
            # tsvector's own input syntax; tokens hold no quote or backslash.
            return " ".join(f"'{token}'" for token in tokens)
        return f" {' '.join(tokens)} "

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        if connection.vendor == "postgresql":
            return " ".join(re.findall(r"'([^']*)'", value))
        return value.strip()


class CreateSearchIndex(Operation):
    """The GIN index of a model's search document, on PostgreSQL (a no-op elsewhere).

    Each app's migration adds it for its own searchable models, so that no list of
    models is kept in one place. SQLite has no index that a search for a word
    inside a text could use. Migrations written before search documents had stems
    (a model state with no `search_document`) get no index from it: their index on
    the words went with the column they were made of.
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
        return f"{table}_search_document"

    def _table(self, app_label, state):
        model = state.apps.get_model(app_label, self.model_name)
        names = {field.name for field in model._meta.get_fields()}
        return model._meta.db_table if DOCUMENT_FIELD in names else None

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        table = self._table(app_label, to_state)
        if schema_editor.connection.vendor != "postgresql" or table is None:
            return
        quote = schema_editor.quote_name
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(self.index_name(table))} ON "
            f"{quote(table)} USING gin ({quote(DOCUMENT_FIELD)})"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        table = self._table(app_label, from_state)
        if schema_editor.connection.vendor != "postgresql" or table is None:
            return
        schema_editor.execute(
            f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.index_name(table))}"
        )

    def describe(self):
        return f"Create the search index of {self.model_name}"

    @property
    def migration_name_fragment(self):
        return f"search_index_{self.model_name.lower()}"


def fill_search_documents(app_label, model_name, fields, title_fields=("title",)):
    """A data migration's function: documents from a historical model's fields.

    Text that a model adds from related records (a project's axis, a person's
    roles) comes with `manage.py rebuild_search_text`.
    """

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        changed = []
        for obj in model._default_manager.iterator():
            obj.search_document = document(
                " ".join(field_texts(obj, fields)),
                " ".join(field_texts(obj, title_fields)),
            )
            changed.append(obj)
        model._default_manager.bulk_update(changed, [DOCUMENT_FIELD], batch_size=1000)

    return forwards


@dataclass(frozen=True)
class QueryWord:
    """One word of a query and what in a document answers it."""

    word: str
    # What a word of the document, or the same word without its article or joined
    # letter (see _unjoined), begins with: the query word without its article.
    exact: tuple
    # The same after dropping a letter written joined to the query word (و ب ل ف ك).
    loose: tuple
    stems: tuple

    def prefixes(self):
        return self.exact + self.loose

    def matches(self, text_word):
        return any(
            form.startswith(prefix)
            for form in _unjoined(text_word)
            for prefix in self.prefixes()
        ) or any(stem in self.stems for stem in stems(text_word))


def _core(word):
    core = _without_article(word) if _is_arabic(word) else word
    return core if len(core) >= 2 else word


def _query_word(word):
    loose = ()
    word_stems = stems(word)
    if (
        _is_arabic(word)
        and word[0] in _JOINED_LETTERS
        and len(word) >= 4
        and _without_article(word) == word
    ):
        loose = (_core(word[1:]),)
        word_stems = tuple(dict.fromkeys(word_stems + stems(word[1:])))
    return QueryWord(word, (_core(word),), loose, word_stems)


@dataclass
class ParsedQuery:
    words: list = field(default_factory=list)
    # Highlighting asks about the same words of a page again and again.
    _seen: dict = field(default_factory=dict, repr=False, compare=False)

    def __bool__(self):
        return bool(self.words)

    def matches(self, text_word):
        if text_word not in self._seen:
            self._seen[text_word] = any(word.matches(text_word) for word in self.words)
        return self._seen[text_word]


def parse_query(q):
    """The words of a query, at most MAX_QUERY_WORDS, without repeats."""
    words = list(dict.fromkeys(normalize(q).split()))[:MAX_QUERY_WORDS]
    return ParsedQuery([_query_word(word) for word in words])


class _TsQuery(Func):
    # A cast, not to_tsquery(): to_tsquery would stem the words with the server's
    # default configuration, which SQLite cannot do.
    template = "%(expressions)s::tsquery"
    output_field = SearchQueryField()


class _Matches(Func):
    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _tsquery(parsed, mark="", exact_only=False):
    groups = []
    for word in parsed.words:
        prefixes = word.exact if exact_only else word.prefixes()
        terms = [f"'{mark}{prefix}':*" for prefix in prefixes]
        if not exact_only:
            terms += [f"'{mark}{STEM}{stem}'" for stem in word.stems]
        groups.append("(" + " | ".join(terms) + ")")
    return " & ".join(groups)


def _sqlite_condition(parsed, mark="", exact_only=False):
    condition = Q()
    for word in parsed.words:
        either = Q()
        for prefix in word.exact if exact_only else word.prefixes():
            either |= Q(**{f"{DOCUMENT_FIELD}__contains": f" {mark}{prefix}"})
        if not exact_only:
            for stem in word.stems:
                either |= Q(**{f"{DOCUMENT_FIELD}__contains": f" {mark}{STEM}{stem} "})
        condition &= either
    return condition


def _condition(parsed, vendor, mark="", exact_only=False):
    if vendor == "postgresql":
        return _Matches(
            F(DOCUMENT_FIELD),
            _TsQuery(Value(_tsquery(parsed, mark, exact_only))),
        )
    return _sqlite_condition(parsed, mark, exact_only)


def _parsed(q):
    return q if isinstance(q, ParsedQuery) else parse_query(q)


def search_queryset(queryset, q):
    """`queryset` narrowed to the records whose document matches query `q`.

    A query with no words (empty, or only punctuation) leaves `queryset` as it is.
    """
    parsed = _parsed(q)
    if not parsed:
        return queryset
    return queryset.filter(_condition(parsed, connections[queryset.db].vendor))


# A kind with more matches than this is counted as "more than MAX_COUNTED", and
# its results are the best of its MAX_RANKED most recent matches: counting and
# ranking every record that has a common word would cost what the table is.
MAX_COUNTED = 1000
MAX_RANKED = 200


def ranked(queryset, q, *recent):
    """The primary keys of `search_queryset`, best first: title, then exact words,
    then `recent` fields.

    The rank is counted on the MAX_RANKED newest matches, found through the index;
    the query reads no more than it ranks by, and the caller fetches the few rows
    it shows.
    """
    parsed = _parsed(q)
    # Newest first by an expression, not by the key: ordered by the key itself,
    # the planner would walk the key's index and test every row's document on the
    # way, taking no account of the cost of reading a document stored apart.
    newest = (F("pk") + Value(0)).desc()
    candidates = search_queryset(queryset, parsed).order_by(newest).values("pk")
    vendor = connections[queryset.db].vendor
    rank = Case(
        When(_condition(parsed, vendor, TITLE), then=Value(2)),
        default=Value(0),
        output_field=IntegerField(),
    ) + Case(
        When(_condition(parsed, vendor, exact_only=True), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    order = [F(name).desc(nulls_last=True) for name in recent]
    return (
        queryset.model._default_manager.filter(pk__in=candidates[:MAX_RANKED])
        .annotate(search_rank=rank)
        .order_by("-search_rank", *order, "-pk")
        .values_list("pk", flat=True)
    )


def count_matches(searches):
    """{label: matching records, at most MAX_COUNTED + 1} in one SQL query.

    `searches` maps a label to a (queryset, query) pair; each is counted up to the
    cap only.
    """
    parts, params, db = [], [], None
    for label, (queryset, q) in searches.items():
        db = queryset.db
        capped = search_queryset(queryset, q).order_by().values("pk")
        sql, part_params = capped[: MAX_COUNTED + 1].query.get_compiler(db).as_sql()
        # Django compiled `sql`; every value is in `params`.
        parts.append(f"SELECT %s, COUNT(*) FROM ({sql}) AS counted")  # noqa: S608
        params += [label, *part_params]
    if not parts:
        return {}
    with connections[db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return dict(cursor.fetchall())


def highlight(text, q, length=None):
    """`text` escaped, its matching words in <mark>; None if no word matches.

    With `length`, only about that many characters around the first match. A mark
    spans whole words of the original text, so no Arabic letter loses its joins.
    """
    parsed = _parsed(q)
    text = html.unescape(strip_tags(str(text or "")))
    found = [
        (start, end) for word, start, end in word_spans(text) if parsed.matches(word)
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
    parsed = _parsed(q)
    current = get_language()
    languages = [current] + [
        code for code, _name in settings.LANGUAGES if code != current
    ]
    for path in fields:
        *related, name = path.split(".")
        owner = obj
        for step in related:
            owner = getattr(owner, step, None)
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
