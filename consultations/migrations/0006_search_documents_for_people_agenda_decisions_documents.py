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
        ('consultations', '0005_add_tamazight_translations'),
    ]

    operations = [
        migrations.AddField(
            model_name='agendaitem',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.AddField(
            model_name='decision',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.AddField(
            model_name='document',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.AddField(
            model_name='followupaction',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.AddField(
            model_name='organization',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.AddField(
            model_name='person',
            name='search_document',
            field=core.search.SearchDocumentField(blank=True, default='', editable=False, verbose_name='search document'),
        ),
        migrations.RunPython(
            fill_search_documents(
                'consultations', 'Meeting', ('title', 'summary', 'minutes', 'attendance_note'), ('title',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(
            fill_search_documents(
                'consultations', 'AgendaItem', ('title', 'description'), ('title',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(
            fill_search_documents(
                'consultations', 'Decision', ('title', 'text'), ('title',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(
            fill_search_documents(
                'consultations', 'FollowUpAction', ('title', 'decision.title'), ('title',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(
            fill_search_documents(
                'consultations', 'Document', ('title',), ('title',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(
            fill_search_documents(
                'consultations', 'Organization', ('name', 'description', 'parent.name'), ('name',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(
            fill_search_documents(
                'consultations', 'Person', ('name', 'honorific'), ('name',)
            ),
            migrations.RunPython.noop,
        ),
        migrations.RemoveField(
            model_name='historicalmeeting',
            name='search_text',
        ),
        migrations.RemoveField(
            model_name='meeting',
            name='search_text',
        ),
        CreateSearchIndex('Meeting'),
        CreateSearchIndex('AgendaItem'),
        CreateSearchIndex('Decision'),
        CreateSearchIndex('FollowUpAction'),
        CreateSearchIndex('Document'),
        CreateSearchIndex('Organization'),
        CreateSearchIndex('Person'),
    ]
