from django.db import migrations

from core.search import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0007_home_page_indexes"),
    ]

    operations = [
        CreateSearchIndex("Project", published=True),
    ]
