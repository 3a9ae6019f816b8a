from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView
from django.views.static import serve
from drf_spectacular.views import SpectacularSwaggerSplitView

from consultations import urls as consultations_urls
from consultations.feeds import (
    CouncilSessionsAtomFeed,
    CouncilSessionsFeed,
    MeetingsAtomFeed,
    MeetingsFeed,
)
from core.api_schema import SchemaView
from core.health import healthz
from core.preview import preview
from kenitra_portal import about, exports, pages
from kenitra_portal.api import build_router
from kenitra_portal.sitemaps import sitemaps
from kenitra_portal.views import FeedsView, RobotsView, SearchView
from projects import urls as projects_urls
from projects.feeds import ProjectUpdatesAtomFeed, ProjectUpdatesFeed
from workshops.feeds import (
    ProposalAnswersAtomFeed,
    ProposalAnswersFeed,
    WorkshopsAtomFeed,
    WorkshopsFeed,
)

# Each app's pages keep their namespace; the pages composed of several apps join the
# namespace of the record they show.
projects_pages = [
    path("", pages.HomeView.as_view(), name="home"),
    *projects_urls.urlpatterns,
    path(
        "projects/<str:slug>/", pages.ProjectDetailView.as_view(), name="project_detail"
    ),
]
meetings_pages = [
    *consultations_urls.urlpatterns,
    path("<str:slug>/", pages.MeetingDetailView.as_view(), name="meeting_detail"),
]

# The API answers its errors in JSON, whichever layer raised them; the site in its
# own layout and language.
handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    # Outside the language prefix: load balancers and monitors ask for /healthz.
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", RobotsView.as_view(), name="robots_txt"),
    path("favicon.ico", about.FaviconView.as_view()),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    # The API has no language prefix: ?lang= or Accept-Language choose (see api.py).
    path("api/v1/", include((build_router().urls, "api"))),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="schema"),
        name="api_docs",
    ),
]

# Every public page lives under /ar/, /fr/ or /en/; "/" redirects to the visitor's language.
urlpatterns += i18n_patterns(
    path("", include((projects_pages, projects_urls.app_name))),
    path("meetings/", include((meetings_pages, consultations_urls.app_name))),
    path("", include("workshops.urls")),
    path("petitions/", include("petitions.urls")),
    path("access-to-information/", include("disclosure.urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("records/", include("kenitra_portal.records_urls")),
    path(
        "preview/<str:app_label>/<str:model_name>/<int:pk>/",
        preview,
        name="preview",
    ),
    path("feeds/", FeedsView.as_view(), name="feeds"),
    path("feeds/meetings.rss", MeetingsFeed(), name="meetings_feed"),
    path("feeds/meetings.atom", MeetingsAtomFeed(), name="meetings_feed_atom"),
    path("feeds/council-sessions.rss", CouncilSessionsFeed(), name="council_feed"),
    path(
        "feeds/council-sessions.atom",
        CouncilSessionsAtomFeed(),
        name="council_feed_atom",
    ),
    path(
        "meetings/<str:slug>/decisions.csv",
        exports.session_decisions_csv,
        name="session_decisions_csv",
    ),
    path(
        "feeds/project-updates.rss", ProjectUpdatesFeed(), name="project_updates_feed"
    ),
    path(
        "feeds/project-updates.atom",
        ProjectUpdatesAtomFeed(),
        name="project_updates_feed_atom",
    ),
    path("feeds/workshops.rss", WorkshopsFeed(), name="workshops_feed"),
    path("feeds/workshops.atom", WorkshopsAtomFeed(), name="workshops_feed_atom"),
    path(
        "feeds/proposal-answers.rss",
        ProposalAnswersFeed(),
        name="proposal_answers_feed",
    ),
    path(
        "feeds/proposal-answers.atom",
        ProposalAnswersAtomFeed(),
        name="proposal_answers_feed_atom",
    ),
    path("open-data/", exports.OpenDataView.as_view(), name="open_data"),
    path("contact/", about.ContactView.as_view(), name="contact"),
    path("legal-notice/", about.LegalNoticeView.as_view(), name="legal_notice"),
    path("accessibility/", about.AccessibilityView.as_view(), name="accessibility"),
    path("open-data/licence/", about.LicenceView.as_view(), name="licence"),
    path(
        "manifest.webmanifest",
        TemplateView.as_view(
            template_name="manifest.webmanifest",
            content_type="application/manifest+json",
        ),
        name="manifest",
    ),
    path(
        "open-data/<slug:dataset>.<str:file_format>",
        exports.download,
        name="open_data_download",
    ),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
