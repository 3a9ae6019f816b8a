from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops and proposals")

    def ready(self):
        from core.publishing import publication_changed

        from . import services

        publication_changed.connect(
            services.tell_author_when_published,
            dispatch_uid="workshops.tell_author_when_published",
        )
