from django.apps import AppConfig


class KenitraPortalConfig(AppConfig):
    name = "kenitra_portal"
    verbose_name = "Kenitra openness portal"

    def ready(self):
        from . import signals  # noqa: F401 - connects the page-cache invalidation
