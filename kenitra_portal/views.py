from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.translation import get_language, get_language_info
from django.views import defaults
from django.views.generic import TemplateView
from rest_framework.exceptions import NotFound

from core.search import Snippet, highlight, query_words, search_queryset, snippet

from .search import search_kind, search_kinds
from .syndication import FEEDS

# Longer input is not a query anyone types; it is cut rather than refused.
MAX_QUERY_LENGTH = 200


def _language_attrs(language):
    """lang/dir for text in `language` shown on a page in another language."""
    if language is None:
        return None
    return {
        "lang": language,
        "dir": "rtl" if get_language_info(language)["bidi"] else "ltr",
    }


@dataclass
class SearchResult:
    object: object
    title: str
    title_attrs: dict | None
    snippet: Snippet
    snippet_attrs: dict | None


def _result(obj, kind, words):
    current = get_language()
    title_language = None
    if hasattr(obj, f"title_{current}"):
        # modeltranslation shows the Arabic title where this language's is missing.
        if not getattr(obj, f"title_{current}"):
            title_language = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    elif getattr(obj, "language", current) != current:
        title_language = obj.language
    extract = snippet(obj, kind.snippet_fields, words)
    return SearchResult(
        object=obj,
        title=highlight(obj.title, words) or conditional_escape(obj.title),
        title_attrs=_language_attrs(title_language),
        snippet=extract,
        snippet_attrs=_language_attrs(extract.language),
    )


@dataclass
class SearchGroup:
    kind: object
    total: int
    results: list
    page_obj: object = None


class SearchView(TemplateView):
    """One search box over published projects, meetings, workshops and proposals.

    Without `kind`, a few results of each kind; with `kind`, all results of that
    kind, page by page.
    """

    template_name = "search/search.html"
    per_kind = 5
    paginate_by = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q = self.request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        words = query_words(q)
        kind = search_kind(self.request.GET.get("kind", ""))
        groups = []
        if words:
            for searched in [kind] if kind else search_kinds():
                groups.append(self._group(searched, q, words, paginate=bool(kind)))
        context.update(
            q=q,
            words=words,
            kind=kind,
            kinds=search_kinds(),
            groups=groups,
            total=sum(group.total for group in groups),
        )
        return context

    def _group(self, kind, q, words, paginate):
        queryset = search_queryset(kind.queryset(), q)
        if paginate:
            page_obj = Paginator(queryset, self.paginate_by).get_page(
                self.request.GET.get("page")
            )
            rows, total = page_obj.object_list, page_obj.paginator.count
        else:
            page_obj = None
            total = queryset.count()
            rows = queryset[: self.per_kind] if total else []
        results = [_result(obj, kind, words) for obj in rows]
        return SearchGroup(kind, total, results, page_obj)


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


def page_not_found(request, exception):
    """The site's 404 page; under /api/ a JSON error, as every other API answer."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
    return defaults.page_not_found(request, exception)
