from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from kenitra_portal.health import healthz

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    # Outside the language prefix: load balancers and monitors ask for /healthz.
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Every public page lives under /ar/, /fr/ or /en/; "/" redirects to the visitor's language.
urlpatterns += i18n_patterns(
    path("", include("projects.urls")),
    path("meetings/", include("consultations.urls")),
    path("", include("workshops.urls")),
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
