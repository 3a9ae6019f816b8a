"""The GIN index on the searchable models' words (PostgreSQL; see core/search.py)."""

from django.db import migrations

from core.search import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [("projects", "0002_safe_uploads")]

    operations = [
        CreateSearchIndex("Project"),
    ]
