from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Role",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
            ],
            options={
                "verbose_name": "role",
                "permissions": [
                    ("publish_content", "Can publish, unpublish and send back content"),
                    ("view_records", "Can read the councillors' records area"),
                ],
                "managed": False,
                "default_permissions": (),
            },
        ),
    ]
