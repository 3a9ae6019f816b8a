"""sitemap.xml: every published page in every language, with hreflang alternates."""

from collections.abc import Mapping

from django.apps import apps
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.functional import cached_property

from core.preview import models_with_pages


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True

    def get_urls(self, page=1, site=None, protocol=None):
        # x-default is the Arabic page, as in every page's <head>: Django's own is
        # the address without a language, a redirect, which crawlers report as an
        # error in a sitemap.
        urls = super().get_urls(page, site, protocol)
        for url in urls:
            for alternate in list(url["alternates"]):
                if alternate["lang_code"] == settings.LANGUAGE_CODE:
                    url["alternates"].append({**alternate, "lang_code": "x-default"})
        return urls


class ListPagesSitemap(PortalSitemap):
    changefreq = "daily"

    def items(self):
        return [
            "projects:home",
            "projects:project_list",
            "consultations:meeting_list",
            "workshops:workshop_list",
            "workshops:proposal_list",
            "petitions:petition_list",
            "petitions:how_to_file",
            "disclosure:proactive_list",
            "workshops:proposal_create",
            "workshops:privacy",
            "open_data",
            "feeds",
        ]

    def location(self, item):
        return reverse(item)


class PublishedSitemap(PortalSitemap):
    model = None

    def items(self):
        # A stable order, so the sitemap's pages do not shuffle between requests.
        return self.model.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class Sitemaps(Mapping):
    """The list pages, then one section per publishable model with a page of its own
    (core.preview.models_with_pages), read when the sitemap is first asked for: the
    URL patterns it reads are not loaded yet when this module is."""

    @cached_property
    def _sections(self):
        with_pages = models_with_pages()
        return {
            "pages": ListPagesSitemap,
            **{
                model._meta.label_lower: type(
                    f"{model.__name__}Sitemap", (PublishedSitemap,), {"model": model}
                )
                for model in apps.get_models()
                if model in with_pages
            },
        }

    def __getitem__(self, key):
        return self._sections[key]

    def __iter__(self):
        return iter(self._sections)

    def __len__(self):
        return len(self._sections)


sitemaps = Sitemaps()
