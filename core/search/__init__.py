"""The one search engine: stored documents, queries, ranking and highlights.

`words` makes the forms and stems of a word, `documents` what a record stores and
its index, `query` the records that answer a query and their rank, `overview` every
kind's count and best keys in one statement, `highlights`
the marked words and extract of a result. Apps and their migrations import from
here.
"""

from .documents import (
    CreateSearchIndex,
    SearchDocumentField,
    document,
    field_texts,
    fill_search_documents,
)
from .highlights import Snippet, highlight, snippet
from .overview import search_overview
from .query import MAX_COUNTED, parse_query, parsed_query, ranked, search_queryset
from .words import stems

__all__ = [
    "MAX_COUNTED",
    "CreateSearchIndex",
    "SearchDocumentField",
    "Snippet",
    "document",
    "field_texts",
    "fill_search_documents",
    "highlight",
    "parse_query",
    "parsed_query",
    "ranked",
    "search_overview",
    "search_queryset",
    "snippet",
    "stems",
]
