"""The GIN index on the searchable models' words (PostgreSQL; see core/search.py)."""

from django.db import migrations

from core.search import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [("workshops", "0002_proposal_fingerprint_language_choices")]

    operations = [
        CreateSearchIndex("Workshop"),
        CreateSearchIndex("Proposal"),
    ]
