from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.translation import get_language, get_language_info
from django.views.generic import TemplateView

from core.search import MAX_COUNTED, Snippet, highlight, parse_query, snippet, stems

from .search import overview, search_kind, search_kinds
from .syndication import FEEDS

# Longer input is not a query anyone types; it is cut rather than refused.
MAX_QUERY_LENGTH = 200
# A search without result suggests at most this many other queries.
MAX_SUGGESTIONS = 4


def _language_attrs(language):
    """lang/dir for text in `language` shown on a page in another language."""
    if language is None:
        return None
    return {
        "lang": language,
        "dir": "rtl" if get_language_info(language)["bidi"] else "ltr",
    }


def _title_language(obj, field="title"):
    current = get_language()
    if hasattr(obj, f"{field}_{current}"):
        # modeltranslation shows the Arabic title where this language's is missing.
        if not getattr(obj, f"{field}_{current}"):
            return settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    elif getattr(obj, "language", current) != current:
        return obj.language
    return None


@dataclass
class SearchResult:
    object: object
    url: str
    title: str
    title_attrs: dict | None
    snippet: Snippet
    snippet_attrs: dict | None
    parent: object = None
    parent_url: str = ""
    parent_attrs: dict | None = None
    details: list = field(default_factory=list)


def _result(obj, kind, parsed):
    title_field = kind.model.search_title_fields[0]
    title = getattr(obj, title_field)
    extract = snippet(obj, kind.model.search_snippet_fields, parsed, title=title_field)
    parent = obj.search_parent()
    return SearchResult(
        object=obj,
        url=obj.get_absolute_url(),
        title=highlight(title, parsed) or conditional_escape(title),
        title_attrs=_language_attrs(_title_language(obj, title_field)),
        snippet=extract,
        snippet_attrs=_language_attrs(extract.language),
        parent=parent,
        parent_url=parent.get_absolute_url()
        if hasattr(parent, "get_absolute_url")
        else "",
        parent_attrs=_language_attrs(_title_language(parent)) if parent else None,
        details=obj.search_details(),
    )


def shown_count(total):
    """A count as shown: past the cap, "more than" it (see core.search)."""
    return f"{MAX_COUNTED}+" if total > MAX_COUNTED else str(total)


@dataclass
class SearchGroup:
    kind: object
    total: int
    results: list
    page_obj: object = None

    @property
    def shown_total(self):
        return shown_count(self.total)


def suggestions(words):
    """Other queries that find something, for a search that found nothing.

    Fewer words (each word alone), and each word by its stem alone, which drops
    the endings and joined letters a citizen may have typed differently.
    """
    candidates = {}
    if len(words) > 1:
        for word in words:
            candidates[word] = word
    for word in words:
        for stem in stems(word):
            if len(stem) >= 3 and stem != word:
                candidates[stem] = stem
    candidates = dict(list(candidates.items())[: MAX_SUGGESTIONS * 2])
    totals = {}
    for (label, _kind), found in overview(candidates).items():
        totals[label] = totals.get(label, 0) + found.total
    found = [(label, total) for label, total in totals.items() if total]
    return found[:MAX_SUGGESTIONS]


def best_kinds_first(found):
    """The kinds that `found` ({kind: Found}) has results of, those whose best
    result matches best first (in its title, by its very words), then in the
    site's order. The list of counts keeps the site's order, the same on every
    page."""
    kinds = [kind for kind in search_kinds() if found[kind].total]
    return sorted(kinds, key=lambda kind: -found[kind].best_rank)


class SearchView(TemplateView):
    """One search box over everything public: projects, goals, people and bodies,
    meetings and their agenda, decisions, follow-up and documents, workshops and
    proposals.

    Without `kind`, the first results of the kinds that match best, and the other
    kinds' counts; with `kind`, all results of that kind, page by page. A
    proposal's reference goes straight to it.
    """

    template_name = "search/search.html"
    per_kind = 5
    # Kinds whose results the first page shows; the others are counted, as links.
    # A common word is found in most kinds: eleven lists of five are more than a
    # phone's reader scrolls through, and each costs its own query and extracts.
    kinds_shown = 4
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        q = self._query()
        for kind in search_kinds():
            found = kind.model.search_exact(q)
            if found is not None:
                return redirect(found)
        return super().get(request, *args, **kwargs)

    def _query(self):
        return self.request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q = self._query()
        parsed = parse_query(q)
        words = [word.word for word in parsed.words]
        kind = search_kind(self.request.GET.get("kind", ""))
        groups, counts, suggested, more = [], [], [], []
        if parsed:
            # The page by page list of one kind reads its own page of keys.
            found = {
                searched: result
                for (_label, searched), result in overview(
                    {"": parsed}, 0 if kind else self.per_kind
                ).items()
            }
            counts = [(k, found[k].total) for k in search_kinds()]
            if kind and found[kind].total:
                groups = [self._group(kind, parsed, found[kind], True)]
            elif not kind:
                shown = best_kinds_first(found)
                groups = [
                    self._group(searched, parsed, found[searched], False)
                    for searched in shown[: self.kinds_shown]
                ]
                more = [
                    (searched, shown_count(found[searched].total))
                    for searched in shown[self.kinds_shown :]
                ]
            if not any(total for _kind, total in counts):
                suggested = suggestions(words)
        context.update(
            q=q,
            words=words,
            kind=kind,
            kinds=search_kinds(),
            counts=[(k, shown_count(total)) for k, total in counts if total],
            groups=groups,
            more=more,
            total=sum(total for _kind, total in counts),
            shown_total=shown_count(sum(total for _kind, total in counts)),
            suggestions=suggested,
        )
        return context

    def _group(self, kind, parsed, found, paginate):
        page_obj = None
        if paginate:
            paginator = Paginator(kind.results(parsed), self.paginate_by)
            # The count is known: the paginator need not ask again.
            paginator.count = min(found.total, MAX_COUNTED)
            page_obj = paginator.get_page(self.request.GET.get("page"))
            shown = page_obj.object_list
        else:
            shown = kind.fetch(found.keys)
        results = [_result(obj, kind, parsed) for obj in shown]
        return SearchGroup(kind, found.total, results, page_obj)


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = self.request.build_absolute_uri(reverse("sitemap"))
        context["language_codes"] = [code for code, _name in settings.LANGUAGES]
        return context


class FeedsView(TemplateView):
    """What the feeds and calendars are, and how a citizen subscribes to them."""

    template_name = "feeds.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        calendar = self.request.build_absolute_uri(
            reverse("consultations:calendar_ics")
        )
        context.update(
            feeds=FEEDS,
            calendar_url=calendar,
            # Phones open webcal: links in their calendar app, as a subscription.
            webcal_url="webcal://" + calendar.split("://", 1)[1],
        )
        return context
