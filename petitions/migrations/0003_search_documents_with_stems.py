"""Search documents with stems (core/search.py) and their GIN index.

Removing `search_text` also removes the index on its words.
"""

import core.search
from core.search import CreateSearchIndex, fill_search_documents
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('petitions', '0002_add_tamazight_translations'),
    ]

    operations = [
        migrations.AddField(
            model_name='petition',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.RunPython(
            fill_search_documents(
                'petitions', 'Petition', ('title', 'summary', 'decision_reasons', 'reference'), ('title',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RemoveField(
            model_name='petition',
            name='search_text',
        ),
        CreateSearchIndex('Petition'),
    ]
