"""The staff roles and what each may do, written down in one place.

The groups are created by a data migration (kenitra_portal/migrations) that calls
`sync_roles`, so a fresh install has them, and `migrate` calls it again afterwards
(kenitra_portal/apps.py) so a model added later gets its permissions in every role.
"""

EDITOR = "Editor"
PUBLISHER = "Publisher"
COUNCILLOR = "Councillor"

# Custom permissions live on kenitra_portal.Role, a model without a table.
PUBLISH = "kenitra_portal.publish_content"
VIEW_RECORDS = "kenitra_portal.view_records"

CONTENT_APPS = ("projects", "consultations", "workshops")

# Top-level records an editor may create but not delete: deleting a published page
# takes it off the site, which is a publisher's decision. Their children (goals,
# agenda items, milestones...) are edited in inlines, so editors may delete those.
PUBLISHABLE_MODELS = {
    "projects.program",
    "projects.axis",
    "projects.project",
    "projects.projectupdate",
    "consultations.meeting",
    "workshops.workshop",
    "workshops.proposal",
}


def _role_permissions(apps):
    """(app_label, codename) pairs for each group, from the models that exist now."""
    editor, publisher = set(), set()
    for label in CONTENT_APPS:
        try:
            app_config = apps.get_app_config(label)
        except LookupError:
            # Migrating an app back to zero leaves it out of the historical state.
            continue
        for model in app_config.get_models():
            name = model._meta.model_name
            if name.startswith("historical"):
                continue
            for action in ("view", "add", "change"):
                editor.add((label, f"{action}_{name}"))
            delete = (label, f"delete_{name}")
            publisher.add(delete)
            if f"{label}.{name}" not in PUBLISHABLE_MODELS:
                editor.add(delete)
    publisher |= editor | {("kenitra_portal", "publish_content")}
    publisher.add(("kenitra_portal", "view_records"))
    councillor = {("kenitra_portal", "view_records")}
    return {EDITOR: editor, PUBLISHER: publisher, COUNCILLOR: councillor}


def sync_roles(apps, schema_editor=None):
    """Create the three groups with exactly their permissions (idempotent)."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations have run; the groups
    # need them now. A migration's app configs have no models module, which
    # create_permissions requires; the live registry's are left as they are.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    existing = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.select_related("content_type")
    }
    for group_name, wanted in _role_permissions(apps).items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.set([existing[key] for key in wanted if key in existing])


def remove_roles(apps, schema_editor=None):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[EDITOR, PUBLISHER, COUNCILLOR]
    ).delete()


def can_publish(user):
    """Publishers and superusers publish, unpublish and send back for changes."""
    return bool(user and user.is_active and user.has_perm(PUBLISH))


def can_view_records(user):
    """Councillors, publishers and superusers read the councillors' records area."""
    return bool(user and user.is_active and user.has_perm(VIEW_RECORDS))
