"""The kinds of result the site's search page lists, composed from every app.

A model is a kind when it is searchable and names its `search_kind`; nothing here
lists models by name.
"""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.utils.text import capfirst

from core.models import SearchableModel
from core.search import count_matches, parse_query, ranked


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

    def results(self, q):
        """The public records that match `q`, best first, with what a result shows
        and without the long texts it does not."""
        return (
            ranked(self.model.search_public(), q, *self.model.search_recent)
            .select_related(*self.model.search_related)
            .prefetch_related(*self.model.search_prefetch())
            .defer(*self.model.search_unshown())
        )


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


def count_by_kind(queries):
    """{(label, kind key): matching public records} for several queries at once.

    `queries` maps a label to a query; one SQL query counts them all, each kind up
    to core.search.MAX_COUNTED + 1.
    """
    counted = count_matches(
        {
            f"{label}\n{kind.key}": (kind.model.search_public(), parse_query(q))
            for label, q in queries.items()
            for kind in search_kinds()
        }
    )
    return {tuple(key.split("\n")): total for key, total in counted.items()}
