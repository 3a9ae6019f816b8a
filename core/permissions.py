"""The staff roles and what each may do, written down in one place.

The groups are kept in step with the models after every `migrate` (core/apps.py), so
a fresh install has them and a model added later gets its permissions in every role.
Which models a role covers is read from the models' classes: an app with publishable
models (`PublishableModel`) is a content app, and editors edit every model of it; the
publishable ones, whose deletion takes a page off the site, are deleted by publishers
only.
"""

from django.apps import apps
from simple_history.models import HistoricalChanges

from .models import PublishableModel

EDITOR = "Editor"
PUBLISHER = "Publisher"
COUNCILLOR = "Councillor"

# Custom permissions live on core.Role, a model without a table.
PUBLISH = "core.publish_content"
VIEW_RECORDS = "core.view_records"


def content_models():
    """Every model of the apps that hold publishable content, history tables aside."""
    content_apps = {
        config
        for config in apps.get_app_configs()
        if any(issubclass(model, PublishableModel) for model in config.get_models())
    }
    return [
        model
        for config in content_apps
        for model in config.get_models()
        if not issubclass(model, HistoricalChanges)
    ]


def publishable_models():
    return [model for model in content_models() if issubclass(model, PublishableModel)]


def role_permissions():
    """(app_label, codename) pairs for each group, from the models that exist now."""
    editor, publisher = set(), set()
    for model in content_models():
        opts = model._meta
        for action in ("view", "add", "change"):
            editor.add((opts.app_label, f"{action}_{opts.model_name}"))
        delete = (opts.app_label, f"delete_{opts.model_name}")
        publisher.add(delete)
        # Children (goals, agenda items, milestones...) are edited in their parent's
        # inlines, so editors may delete those.
        if not issubclass(model, PublishableModel):
            editor.add(delete)
    publisher |= editor | {("core", "publish_content"), ("core", "view_records")}
    councillor = {("core", "view_records")}
    return {EDITOR: editor, PUBLISHER: publisher, COUNCILLOR: councillor}


def sync_roles():
    """Create the three groups with exactly their permissions (idempotent)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # Permissions are normally created app by app after migrate; the groups need
    # all of them now.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    existing = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.select_related("content_type")
    }
    for group_name, wanted in role_permissions().items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.set([existing[key] for key in wanted if key in existing])


def can_publish(user):
    """Publishers and superusers publish, unpublish and send back for changes."""
    return bool(user and user.is_active and user.has_perm(PUBLISH))


def can_view_records(user):
    """Councillors, publishers and superusers read the councillors' records area."""
    return bool(user and user.is_active and user.has_perm(VIEW_RECORDS))
