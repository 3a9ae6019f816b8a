"""Each kind's count and best keys for a query, in one SQL statement compiled once.

The search page asks a dozen kinds of record the same question, and building and
compiling a dozen querysets cost more than the database's answer. A kind's SQL is
compiled once per process, database, language and number of keys, with stand-ins
for the query's tsqueries; a search passes its own as parameters. This holds
because the SQL's shape does not depend on the words (query._Matches).
"""

from typing import NamedTuple

from django.db import connections
from django.db.models import Count, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber
from django.utils.translation import get_language

from .query import (
    MAX_COUNTED,
    MAX_RANKED,
    matching,
    newest_matches,
    parsed_query,
    rank_order,
    ranked_by,
    tsqueries,
)

# Stand-ins for the tsqueries while a kind's SQL is compiled, replaced in its
# parameters at each search.
_STAND_INS = {name: f"kenitra-search-{name}" for name in ("match", "title", "exact")}
_STANDS_FOR = {text: name for name, text in _STAND_INS.items()}
# The place of a kind's rows in the statement, also a parameter.
_PLACE = object()
_CANDIDATES = "kenitra_search_candidates"
_compiled = {}


class Found(NamedTuple):
    """What a kind holds for a query."""

    # Matching records, up to MAX_COUNTED + 1.
    total: int
    # The best `limit`, in rank order.
    keys: list
    # The rank of the best (query.ranked_by: 2 for the title, 1 for the very
    # words, both 3), so that a page can show the kinds that match best first.
    best_rank: int = 0


def _compile(public, recent, limit, db):
    """SQL giving rows (place, None, count, None) and (place, key, position, rank)
    for a kind, and its parameters.

    Without keys to rank, the count stops at MAX_COUNTED + 1. With them, the count
    and the keys come from one reading of the matches: the MAX_RANKED newest, which
    are ranked, are counted with all the others on the way.
    """
    queryset = public().using(db)
    quote = connections[db].ops.quote_name
    if not limit:
        capped = queryset.filter(matching(_STAND_INS["match"])).order_by().values("pk")
        sql, params = capped[: MAX_COUNTED + 1].query.get_compiler(db).as_sql()
        count = f"SELECT %s, NULL, COUNT(*), NULL FROM ({sql}) AS c"  # noqa: S608
        return count, [_PLACE, *params]
    candidates = (
        newest_matches(queryset, _STAND_INS["match"])
        .annotate(search_total=Window(Count("pk")))
        .values("pk", "search_total")[:MAX_RANKED]
    )
    among = RawSQL(f"SELECT {quote('pk')} FROM {_CANDIDATES}", ())  # noqa: S608, S611
    best = (
        ranked_by(queryset, _STAND_INS, recent, candidates=among)
        .annotate(search_position=Window(RowNumber(), order_by=rank_order(recent)))
        .values_list("pk", "search_position", "search_rank")[:limit]
    )
    candidates_sql, candidates_params = candidates.query.get_compiler(db).as_sql()
    best_sql, best_params = best.query.get_compiler(db).as_sql()
    # By name: the order of a values_list's columns is Django's to choose. Every
    # value is a parameter; the place comes twice.
    key, position, total, rank = map(
        quote, ("pk", "search_position", "search_total", "search_rank")
    )
    sql = (
        f"SELECT * FROM (WITH {_CANDIDATES} AS ({candidates_sql}) "  # noqa: S608
        f"SELECT %s, NULL, MAX({total}), NULL FROM {_CANDIDATES} UNION ALL "
        f"SELECT %s, b.{key}, b.{position}, b.{rank} FROM ({best_sql}) AS b) AS k"
    )
    return sql, [*candidates_params, _PLACE, _PLACE, *best_params]


def _statements(public, recent, limit, db):
    key = (public, tuple(recent), limit, db, get_language())
    if key not in _compiled:
        _compiled[key] = _compile(public, recent, limit, db)
    return _compiled[key]


def _bind(params, texts, place):
    return [
        place if p is _PLACE else texts[_STANDS_FOR[p]] if p in _STANDS_FOR else p
        for p in params
    ]


def search_overview(searches, limit=0, db="default"):
    """{label: Found(matching records up to MAX_COUNTED + 1, keys of the best
    `limit`, the best one's rank)}.

    `searches` maps a label to (a function giving the public records, the fields
    that rank recent first, a query); every label is answered by one SQL statement.
    The keys are in the order of `ranked`.
    """
    parts, params, found, asked = [], [], {}, {}
    labels = list(searches)
    # The SQL names each label by its place in `searches`.
    for place, (label, (public, recent, q)) in enumerate(searches.items()):
        parsed = parsed_query(q)
        if not parsed:
            continue
        # The same query is asked of every kind.
        words = tuple(word.word for word in parsed.words)
        if words not in asked:
            asked[words] = tsqueries(parsed)
        found[label] = Found(0, [])
        sql, sql_params = _statements(public, recent, limit, db)
        parts.append(sql)
        params += _bind(sql_params, asked[words], place)
    if not parts:
        return found
    with connections[db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    best = {}
    for place, pk, value, rank in rows:
        label = labels[place]
        if pk is None:
            found[label] = Found(min(value or 0, MAX_COUNTED + 1), [])
        else:
            best.setdefault(label, []).append((value, pk, rank))
    for label, keys in best.items():
        keys.sort()
        found[label] = Found(
            found[label].total, [pk for _position, pk, _rank in keys], keys[0][2]
        )
    return found
