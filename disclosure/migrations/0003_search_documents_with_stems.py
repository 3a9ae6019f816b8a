"""Search documents with stems (core/search.py) and their GIN index.

Removing `search_text` also removes the index on its words.
"""

import core.search
from core.search import CreateSearchIndex, fill_search_documents
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('disclosure', '0002_add_tamazight_translations'),
    ]

    operations = [
        migrations.AddField(
            model_name='proactiveitem',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.RunPython(
            fill_search_documents(
                'disclosure', 'ProactiveItem', ('title', 'description'), ('title',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RemoveField(
            model_name='proactiveitem',
            name='search_text',
        ),
        CreateSearchIndex('ProactiveItem'),
    ]
