from django.db import migrations

from core.search import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0009_proposal_figures_index"),
    ]

    operations = [
        CreateSearchIndex("Proposal", published=True),
    ]
