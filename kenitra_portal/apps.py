from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def _commune_details_saved(sender, **kwargs):
    # Imported here: core.pagecache imports models, which apps.py loads before.
    from core.pagecache import bump_page_cache_version

    # Every page's footer shows the commune's details.
    bump_page_cache_version()


class KenitraPortalConfig(AppConfig):
    """The top floor: the site-wide pages that compose the apps below it."""

    name = "kenitra_portal"
    verbose_name = _("Kenitra openness portal")

    def ready(self):
        post_save.connect(
            _commune_details_saved,
            sender="kenitra_portal.SiteSettings",
            dispatch_uid="kenitra_portal.commune_details_saved",
        )
