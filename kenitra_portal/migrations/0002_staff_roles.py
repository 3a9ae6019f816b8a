"""Create the Editor, Publisher and Councillor groups with their permissions."""

from django.db import migrations

from kenitra_portal.permissions import remove_roles, sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("kenitra_portal", "0001_portal_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("projects", "0002_safe_uploads"),
        ("consultations", "0002_safe_uploads"),
        ("workshops", "0001_initial_workshops_proposals"),
    ]

    operations = [migrations.RunPython(sync_roles, remove_roles)]
