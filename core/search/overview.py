"""Each kind's count and best keys for a query, in one SQL statement compiled once.

The search page asks a dozen kinds of record the same question, and building and
compiling a dozen querysets cost more than the database's answer. A kind's SQL is
compiled once per process, database, language and number of keys, with stand-ins
for the query's tsqueries; a search passes its own as parameters. This holds
because the SQL's shape does not depend on the words (query._Matches).
"""

from django.db import connections
from django.db.models import Window
from django.db.models.functions import RowNumber
from django.utils.translation import get_language

from .query import (
    MAX_COUNTED,
    matching,
    parsed_query,
    rank_order,
    ranked_by,
    tsqueries,
)

# Stand-ins for the tsqueries while a kind's SQL is compiled, replaced in its
# parameters at each search.
_STAND_INS = {name: f"kenitra-search-{name}" for name in ("match", "title", "exact")}
_STANDS_FOR = {text: name for name, text in _STAND_INS.items()}
_compiled = {}


def _compile(public, recent, limit, db):
    """(count SQL, its parameters), (SQL of the best `limit` keys, parameters)."""
    queryset = public().using(db)
    capped = queryset.filter(matching(_STAND_INS["match"])).order_by().values("pk")
    count = capped[: MAX_COUNTED + 1].query.get_compiler(db).as_sql()
    if not limit:
        return count, None
    best = (
        ranked_by(queryset, _STAND_INS, recent)
        .annotate(search_position=Window(RowNumber(), order_by=rank_order(recent)))
        .values_list("pk", "search_position")[:limit]
    )
    return count, best.query.get_compiler(db).as_sql()


def _statements(public, recent, limit, db):
    key = (public, tuple(recent), limit, db, get_language())
    if key not in _compiled:
        _compiled[key] = _compile(public, recent, limit, db)
    return _compiled[key]


def _bind(params, texts):
    return [texts[_STANDS_FOR[p]] if p in _STANDS_FOR else p for p in params]


def search_overview(searches, limit=0, db="default"):
    """{label: (matching records up to MAX_COUNTED + 1, keys of the best `limit`)}.

    `searches` maps a label to (a function giving the public records, the fields
    that rank recent first, a query); every label is answered by one SQL statement.
    The keys are in the order of `ranked`.
    """
    parts, params, found, asked = [], [], {}, {}
    # By name: the order of a values_list's columns is Django's to choose.
    key, position = map(connections[db].ops.quote_name, ("pk", "search_position"))
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
        texts = asked[words]
        found[label] = (0, [])
        (count_sql, count_params), best = _statements(public, recent, limit, db)
        # Django compiled each SQL; every value is a parameter.
        parts.append(f"SELECT %s, NULL, COUNT(*) FROM ({count_sql}) AS c")  # noqa: S608
        params += [place, *_bind(count_params, texts)]
        if best is not None:
            best_sql, best_params = best
            parts.append(
                f"SELECT %s, b.{key}, b.{position} FROM ({best_sql}) AS b"  # noqa: S608
            )
            params += [place, *_bind(best_params, texts)]
    if not parts:
        return found
    with connections[db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    best = {}
    for place, pk, value in rows:
        label = labels[place]
        if pk is None:
            found[label] = (value, [])
        else:
            best.setdefault(label, []).append((value, pk))
    for label, keys in best.items():
        found[label] = (found[label][0], [pk for _position, pk in sorted(keys)])
    return found
