from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class KenitraPortalConfig(AppConfig):
    # This module also holds LoginAttemptsConfig (and imports axes' config): without
    # `default`, Django would not know which one "kenitra_portal" means.
    default = True
    name = "kenitra_portal"
    verbose_name = _("Kenitra openness portal")

    def ready(self):
        from . import sanitize, signals  # noqa: F401 - connects the page-cache invalidation

        sanitize.connect()
        # A model added after the roles' migration still gets its permissions.
        post_migrate.connect(
            _sync_roles, sender=self, dispatch_uid="kenitra_portal.sync_roles"
        )


def _sync_roles(sender, apps=global_apps, **kwargs):
    # `flush` (after each transactional test) sends no `apps`: the live registry.
    from .permissions import CONTENT_APPS, sync_roles

    labels = {config.label for config in apps.get_app_configs()}
    # After `migrate <app> zero` the roles have nothing to be made of.
    if {"auth", "contenttypes", "kenitra_portal", *CONTENT_APPS} <= labels:
        sync_roles(apps)


class LoginAttemptsConfig(AxesConfig):
    # django-axes names its admin section "Axes", which staff would read as the
    # program's axes; this names it for what it holds.
    verbose_name = _("Login attempts")
