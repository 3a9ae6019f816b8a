"""What a searchable record stores: its search document, and the document's index.

Every searchable record keeps a *search document*: the normalised words of its
text in every language (core/text.py), each Arabic word also without the article
or joined letter it may begin with, each word's stem, and the same again for its
title, marked.

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

import re

from django.conf import settings
from django.db import models
from django.db.migrations.operations.base import Operation
from django.utils.html import strip_tags

from ..status import PublicationStatus
from ..text import normalize
from .words import stems, unjoined

DOCUMENT_FIELD = "search_document"
# Markers that the normaliser never puts in a word (it keeps letters and digits).
STEM = "~"
TITLE = "^"


def field_owner(obj, path):
    """The object that holds field `path` of `obj` ("axis.title": its axis, or None
    where it has none), and the field's name on it."""
    *related, name = path.split(".")
    owner = obj
    for step in related:
        owner = getattr(owner, step, None)
    return owner, name


def field_texts(obj, fields):
    """The text of each of `fields` of `obj` in every language, without repeats.

    A field may be a related object's ("axis.title").
    """
    parts = []
    for path in fields:
        owner, name = field_owner(obj, path)
        if owner is None:
            continue
        for code, _label in settings.LANGUAGES:
            value = getattr(owner, f"{name}_{code}", None)
            if value is None and code == settings.LANGUAGES[0][0]:
                value = getattr(owner, name, "")
            if value:
                parts.append(strip_tags(str(value)))
    return list(dict.fromkeys(parts))


def document(text, title=""):
    """The search document of a record: its words and stems, its title's marked."""
    tokens = {}
    for mark, words in (("", normalize(text)), (TITLE, normalize(title))):
        for word in words.split():
            for form in unjoined(word):
                tokens[mark + form] = None
            for stem in stems(word):
                tokens[mark + STEM + stem] = None
    return " ".join(tokens)


class SearchDocumentField(models.TextField):
    """A search document: `tsvector` on PostgreSQL, text between spaces elsewhere."""

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        # Under the name the migrations were written with, as Django's own fields
        # are under django.db.models.
        return name, "core.search.SearchDocumentField", args, kwargs

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

    def __init__(self, model_name, published=False):
        self.model_name = model_name
        # An index of the published records' documents alone, for a large table
        # whose public search would otherwise intersect the whole index with
        # every published row (a common word among 100,000 proposals: 6 ms).
        self.published = published

    def deconstruct(self):
        kwargs = {"published": True} if self.published else {}
        return self.__class__.__qualname__, [self.model_name], kwargs

    def state_forwards(self, app_label, state):
        pass

    def index_name(self, table):
        return f"{table}_search_{'published' if self.published else 'document'}"

    def _table(self, app_label, state):
        model = state.apps.get_model(app_label, self.model_name)
        names = {field.name for field in model._meta.get_fields()}
        return model._meta.db_table if DOCUMENT_FIELD in names else None

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        table = self._table(app_label, to_state)
        if schema_editor.connection.vendor != "postgresql" or table is None:
            return
        quote = schema_editor.quote_name
        condition = ""
        if self.published:
            condition = f" WHERE publication_status = '{PublicationStatus.PUBLISHED}'"
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(self.index_name(table))} ON "
            f"{quote(table)} USING gin ({quote(DOCUMENT_FIELD)}){condition}"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        table = self._table(app_label, from_state)
        if schema_editor.connection.vendor != "postgresql" or table is None:
            return
        schema_editor.execute(
            f"DROP INDEX IF EXISTS {schema_editor.quote_name(self.index_name(table))}"
        )

    def describe(self):
        which = "published records' " if self.published else ""
        return f"Create the {which}search index of {self.model_name}"

    @property
    def migration_name_fragment(self):
        which = "published_" if self.published else ""
        return f"{which}search_index_{self.model_name.lower()}"


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
