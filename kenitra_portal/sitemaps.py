"""sitemap.xml: every published page in every language, with hreflang alternates."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from consultations.models import Meeting
from petitions.models import Petition
from projects.models import Axis, Project
from workshops.models import Proposal, Workshop


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


class AxisSitemap(PublishedSitemap):
    model = Axis


class ProjectSitemap(PublishedSitemap):
    model = Project


class MeetingSitemap(PublishedSitemap):
    model = Meeting


class WorkshopSitemap(PublishedSitemap):
    model = Workshop


class ProposalSitemap(PublishedSitemap):
    model = Proposal


class PetitionSitemap(PublishedSitemap):
    model = Petition


sitemaps = {
    "pages": ListPagesSitemap,
    "axes": AxisSitemap,
    "projects": ProjectSitemap,
    "meetings": MeetingSitemap,
    "workshops": WorkshopSitemap,
    "proposals": ProposalSitemap,
    "petitions": PetitionSitemap,
}
