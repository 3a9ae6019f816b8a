"""Every migration of the project's own apps applies and reverses, on a loaded database."""

from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from consultations.models import Meeting
from projects.models import Axis


def project_apps():
    """Our apps that have migrations, dependencies first as INSTALLED_APPS lists them."""
    base = Path(settings.BASE_DIR).resolve()
    return [
        app
        for app in apps.get_app_configs()
        if Path(app.path).resolve().is_relative_to(base)
        and (Path(app.path) / "migrations" / "__init__.py").is_file()
    ]


def tables_of(app):
    return {
        model._meta.db_table
        for model in app.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def existing_tables():
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


@pytest.mark.django_db(transaction=True)
def test_every_migration_reverses_to_zero_and_applies_again():
    ours = project_apps()
    assert {"projects", "consultations", "workshops"} <= {app.label for app in ours}
    # Reversing a database that holds the real content, as a deployed one would.
    call_command("load_kenitra", stdout=StringIO())

    for app in reversed(ours):
        call_command("migrate", app.label, "zero", verbosity=0)
        assert not tables_of(app) & existing_tables(), f"{app.label} left tables"

    call_command("migrate", verbosity=0)

    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    for app in ours:
        assert tables_of(app) <= existing_tables(), f"{app.label} tables missing"
    # The schema that came back is the one the content needs.
    call_command("load_kenitra", stdout=StringIO())
    assert Meeting.objects.count() == 2
    assert Axis.objects.count() == 4
