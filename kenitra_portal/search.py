"""The kinds of record the site's search page looks through, read from the models."""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.utils.text import capfirst

from core.models import SearchableModel


@dataclass(frozen=True)
class SearchKind:
    model: type

    @property
    def key(self):
        return self.model.search_kind

    @property
    def label(self):
        return capfirst(self.model._meta.verbose_name_plural)

    @property
    def snippet_fields(self):
        return self.model.search_snippet_fields

    def queryset(self):
        return self.model.objects.published().select_related(*self.model.search_related)


@cache
def search_kinds():
    """Every searchable model, in the order of the apps and of their models."""
    return tuple(
        SearchKind(model)
        for model in apps.get_models()
        if issubclass(model, SearchableModel)
    )


def search_kind(key):
    return next((kind for kind in search_kinds() if kind.key == key), None)
