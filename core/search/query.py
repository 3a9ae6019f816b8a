"""What a query asks, the records that answer it, and their rank.

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
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib.postgres.search import SearchQueryField
from django.db.models import BooleanField, Case, F, Func, IntegerField, Value, When

from ..text import normalize
from .documents import DOCUMENT_FIELD, STEM, TITLE
from .words import JOINED_LETTERS, is_arabic, stems, unjoined, without_article

# Longer queries are cut: each word adds a dozen conditions to the SQL.
MAX_QUERY_WORDS = 8
# Arabic letters, and the presentation forms that the normaliser folds into them.
_ARABIC_SCRIPT = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
)


@dataclass(frozen=True)
class QueryWord:
    """One word of a query and what in a document answers it."""

    word: str
    # What a word of the document, or the same word without its article or joined
    # letter (see unjoined), begins with: the query word without its article.
    exact: tuple
    # The same after dropping a letter written joined to the query word (و ب ل ف ك).
    loose: tuple
    stems: tuple

    def prefixes(self):
        return self.exact + self.loose

    def matches(self, text_word):
        return any(
            form.startswith(prefix)
            for form in unjoined(text_word)
            for prefix in self.prefixes()
        ) or any(stem in self.stems for stem in stems(text_word))


def _core(word):
    core = without_article(word) if is_arabic(word) else word
    return core if len(core) >= 2 else word


def _query_word(word):
    loose = ()
    word_stems = stems(word)
    if (
        is_arabic(word)
        and word[0] in JOINED_LETTERS
        and len(word) >= 4
        and without_article(word) == word
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

    def may_match(self, text):
        """False when no word of `text` can match: a query in Arabic letters only,
        and a text with none (its French or English). Highlighting skips it
        without reading it word by word."""
        if not all(is_arabic(word.word) for word in self.words):
            return True
        return _ARABIC_SCRIPT.search(text) is not None


def parse_query(q):
    """The words of a query, at most MAX_QUERY_WORDS, without repeats."""
    words = list(dict.fromkeys(normalize(q).split()))[:MAX_QUERY_WORDS]
    return ParsedQuery([_query_word(word) for word in words])


class _TsQuery(Func):
    # A cast, not to_tsquery(): to_tsquery would stem the words with the server's
    # default configuration, which SQLite cannot do.
    template = "%(expressions)s::tsquery"
    output_field = SearchQueryField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return compiler.compile(self.source_expressions[0])


class _Matches(Func):
    """Whether a document matches a tsquery written as text: PostgreSQL's own
    operator, or on SQLite the same rule in Python (`sqlite_match`). One shape of
    SQL on both, whatever the query, so a kind's SQL is compiled once."""

    function = "kenitra_search_match"
    output_field = BooleanField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, template="(%(expressions)s)", arg_joiner=" @@ "
        )


@lru_cache(maxsize=512)
def _tsquery_groups(text):
    """(('word', is a prefix), ...) for each group of a tsquery that _tsquery wrote."""
    groups = []
    for group in text.split(" & "):
        terms = []
        for term in group.strip("()").split(" | "):
            prefix = term.endswith(":*")
            terms.append((term.removesuffix(":*").strip("'"), prefix))
        groups.append(tuple(terms))
    return tuple(groups)


def sqlite_match(document, query):
    """`document @@ query::tsquery` for the tsqueries _tsquery writes: every group
    has a term that is a token of the document, or begins one (`:*`)."""
    if not document or not query:
        return False
    tokens = document.split()
    return all(
        any(
            token.startswith(term) if prefix else token == term
            for term, prefix in group
            for token in tokens
        )
        for group in _tsquery_groups(query)
    )


def _tsquery(parsed, mark="", exact_only=False):
    groups = []
    for word in parsed.words:
        prefixes = word.exact if exact_only else word.prefixes()
        terms = [f"'{mark}{prefix}':*" for prefix in prefixes]
        if not exact_only:
            terms += [f"'{mark}{STEM}{stem}'" for stem in word.stems]
        groups.append("(" + " | ".join(terms) + ")")
    return " & ".join(groups)


def matching(tsquery):
    return _Matches(F(DOCUMENT_FIELD), _TsQuery(Value(tsquery)))


def parsed_query(q):
    return q if isinstance(q, ParsedQuery) else parse_query(q)


def search_queryset(queryset, q):
    """`queryset` narrowed to the records whose document matches query `q`.

    A query with no words (empty, or only punctuation) leaves `queryset` as it is.
    """
    parsed = parsed_query(q)
    if not parsed:
        return queryset
    return queryset.filter(matching(_tsquery(parsed)))


# A kind with more matches than this is counted as "more than MAX_COUNTED", and
# its results are the best of its MAX_RANKED most recent matches: counting and
# ranking every record that has a common word would cost what the table is.
MAX_COUNTED = 1000
MAX_RANKED = 200


def tsqueries(parsed):
    """The three questions a ranked search asks of a document, as tsquery text: does
    it match, does its title, does it have the very words (not only their stems)."""
    return {
        "match": _tsquery(parsed),
        "title": _tsquery(parsed, TITLE),
        "exact": _tsquery(parsed, exact_only=True),
    }


def ranked(queryset, q, *recent):
    """The records of `search_queryset`, best first: title, then exact words, then
    `recent` fields.

    The rank is counted on the MAX_RANKED newest matches, found through the index;
    the records are read by key alone, without `queryset`'s own filters, so the
    caller adds what a result shows (select_related, defer) to the same query.
    """
    return ranked_by(queryset, tsqueries(parsed_query(q)), recent)


def newest_matches(queryset, match):
    """The records of `queryset` that match tsquery text `match`, newest first: the
    MAX_RANKED first are those a rank is counted on."""
    # Newest first by an expression, not by the key: ordered by the key itself,
    # the planner would walk the key's index and test every row's document on the
    # way, taking no account of the cost of reading a document stored apart.
    return queryset.filter(matching(match)).order_by((F("pk") + Value(0)).desc())


def ranked_by(queryset, texts, recent, candidates=None):
    """`ranked` for tsquery texts; `candidates`, keys to rank (a subquery), are by
    default the MAX_RANKED newest matches."""
    if candidates is None:
        candidates = newest_matches(queryset, texts["match"]).values("pk")
        candidates = candidates[:MAX_RANKED]
    rank = Case(
        When(matching(texts["title"]), then=Value(2)),
        default=Value(0),
        output_field=IntegerField(),
    ) + Case(
        When(matching(texts["exact"]), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        queryset.model._default_manager.filter(pk__in=candidates)
        .annotate(search_rank=rank)
        .order_by(*rank_order(recent))
    )


def rank_order(recent):
    """The order of ranked results: rank, then `recent` fields, then the newest."""
    return [
        F("search_rank").desc(),
        *(F(name).desc(nulls_last=True) for name in recent),
        F("pk").desc(),
    ]
