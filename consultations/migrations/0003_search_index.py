"""The GIN index on the searchable models' words (PostgreSQL; see core/search.py)."""

from django.db import migrations

from core.search import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [("consultations", "0002_safe_uploads")]

    operations = [
        CreateSearchIndex("Meeting"),
    ]
