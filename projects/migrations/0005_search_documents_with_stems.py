"""Search documents with stems (core/search.py) and their GIN index.

The documents are filled from each row's own fields; what a model adds from
related rows (a person's roles) comes with `manage.py rebuild_search_text`.
Removing `search_text` also removes the index on its words.
"""

import core.search
from core.search import CreateSearchIndex, fill_search_documents
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0004_add_tamazight_translations'),
    ]

    operations = [
        migrations.AddField(
            model_name='goal',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.AddField(
            model_name='project',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.RunPython(
            fill_search_documents(
                'projects', 'Project', ('title', 'summary', 'description', 'lead_department', 'location', 'axis.title'), ('title',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(
            fill_search_documents(
                'projects', 'Goal', ('title', 'axis.title', 'project.title'), ('title',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RemoveField(
            model_name='historicalproject',
            name='search_text',
        ),
        migrations.RemoveField(
            model_name='project',
            name='search_text',
        ),
        CreateSearchIndex('Project'),
        CreateSearchIndex('Goal'),
    ]
