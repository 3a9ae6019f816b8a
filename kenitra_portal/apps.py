from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KenitraPortalConfig(AppConfig):
    """The top floor: the site-wide pages that compose the apps below it."""

    name = "kenitra_portal"
    verbose_name = _("Kenitra openness portal")
