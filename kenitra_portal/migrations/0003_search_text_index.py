"""Search text in the normaliser's word format, and its GIN index on PostgreSQL.

See kenitra_portal/search.py for why the index is on the normalised words split on
spaces rather than on to_tsvector() with a text search configuration.
"""

from django.db import migrations

from kenitra_portal.text import normalize

SEARCHABLE = [
    ("projects", "Project"),
    ("consultations", "Meeting"),
    ("workshops", "Workshop"),
    ("workshops", "Proposal"),
]


def _index_name(table):
    return f"{table}_search_gin"


def renormalize_search_text(apps, schema_editor):
    # Text saved by the first normaliser kept punctuation; normalising it again
    # gives the word format that search now relies on.
    for app_label, model_name in SEARCHABLE:
        model = apps.get_model(app_label, model_name)
        for pk, text in model.objects.values_list("pk", "search_text").iterator():
            if normalize(text) != text:
                model.objects.filter(pk=pk).update(search_text=normalize(text))


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    for app_label, model_name in SEARCHABLE:
        table = apps.get_model(app_label, model_name)._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(_index_name(table))} ON {quote(table)} "
            "USING gin (array_to_tsvector(string_to_array(search_text, ' ')))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name in SEARCHABLE:
        table = apps.get_model(app_label, model_name)._meta.db_table
        schema_editor.execute(
            f"DROP INDEX IF EXISTS {schema_editor.quote_name(_index_name(table))}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("kenitra_portal", "0002_staff_roles"),
        ("projects", "0001_initial_program_axes_projects"),
        ("consultations", "0001_initial_meetings_people"),
        ("workshops", "0001_initial_workshops_proposals"),
    ]

    operations = [
        migrations.RunPython(renormalize_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
