"""Text stored before it was cleaned on the way in: controls, NUL, lone surrogates
and bidi overrides out (core/textclean.py), so that no feed or page chokes on a row
saved earlier."""

from django.db import migrations

from core.textclean import clean_stored_rows


def clean(apps, schema_editor):
    clean_stored_rows(apps, "consultations")


class Migration(migrations.Migration):
    dependencies = [("consultations", "0006_search_documents_for_people_agenda_decisions_documents")]

    # Nothing to put back: the characters removed are the ones that broke outputs.
    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]
