from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    # This module also holds LoginAttemptsConfig (and imports axes' config): without
    # `default`, Django would not know which one "core" means.
    default = True
    name = "core"
    verbose_name = _("Kenitra openness portal")

    def ready(self):
        from . import pagecache, sanitize, textclean

        # Text is cleaned first: the HTML sanitiser cannot take a lone surrogate.
        textclean.connect()
        sanitize.connect()
        pagecache.connect()
        # Every migrate (and every test database's flush) leaves the roles in step
        # with the models that exist then.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="core.sync_roles")
        connection_created.connect(_search_on_sqlite, dispatch_uid="core.search_sqlite")


def _search_on_sqlite(sender, connection, **kwargs):
    """SQLite learns the search's match operator (core.search.query)."""
    if connection.vendor == "sqlite":
        from .search.query import sqlite_match

        connection.connection.create_function(
            "kenitra_search_match", 2, sqlite_match, deterministic=True
        )


def _sync_roles(sender, apps=None, **kwargs):
    from .permissions import sync_roles

    # After `migrate auth zero` the roles have nothing to be made of. (`flush`, after
    # each transactional test, sends no `apps`.)
    labels = {config.label for config in apps.get_app_configs()} if apps else None
    if labels is None or {"auth", "contenttypes"} <= labels:
        # The live models, not the migration's historical ones: the roles are made
        # of what a model is (its base class), which a historical model does not keep.
        sync_roles()


class LoginAttemptsConfig(AxesConfig):
    # django-axes names its admin section "Axes", which staff would read as the
    # program's axes; this names it for what it holds.
    verbose_name = _("Login attempts")
