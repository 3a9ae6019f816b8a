"""The kinds of result the site's search page lists, composed from every app.

A model is a kind when it is searchable and names its `search_kind`; nothing here
lists models by name.
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import get_language

from core.models import SearchableModel
from core.search import parsed_query, ranked, search_overview


@dataclass(frozen=True)
class SearchKind:
    model: type

    @property
    def key(self):
        return self.model.search_kind

    @property
    def label(self):
        return capfirst(self.model._meta.verbose_name_plural)

    def queryset(self):
        return self.model.search_public().select_related(*self.model.search_related)

    def fetch(self, pks):
        """The records of `pks`, in that order, with what a result shows."""
        found = _shown_records(self, get_language()).all().in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]

    def _shown(self, queryset):
        return (
            queryset.select_related(*self.model.search_related)
            .prefetch_related(*self.model.search_prefetch())
            .defer(*self.model.search_unshown())
        )

    def results(self, q):
        """The public records that match `q`, best first, with what a result shows
        and without the long texts it does not."""
        return self._shown(
            ranked(self.model.search_public(), q, *self.model.search_recent)
        )


@cache
def _shown_records(kind, language):
    """A kind's records with what a result shows, built once per language and
    cloned at each use, as a view's `queryset` is: building it (and
    modeltranslation's rewriting of its field names) cost a fifth of reading five
    rows. Unordered: in_bulk gives a dict, and an order would only be compiled."""
    return kind._shown(kind.model._default_manager.order_by())


@cache
def search_kinds():
    kinds = [
        SearchKind(model)
        for model in apps.get_models()
        if issubclass(model, SearchableModel) and model.search_kind
    ]
    return tuple(sorted(kinds, key=lambda kind: kind.model.search_order))


def search_kind(key):
    return next((kind for kind in search_kinds() if kind.key == key), None)


def overview(queries, limit=0):
    """{(label, kind): (matching public records, keys of the best `limit`)} for
    several queries at once, in one SQL statement.

    `queries` maps a label to a query (text or parsed); each kind is counted up to
    core.search.MAX_COUNTED + 1.
    """
    parsed = {label: parsed_query(q) for label, q in queries.items()}
    return search_overview(
        {
            (label, kind): (kind.model.search_public, kind.model.search_recent, query)
            for label, query in parsed.items()
            for kind in search_kinds()
        },
        limit,
    )
