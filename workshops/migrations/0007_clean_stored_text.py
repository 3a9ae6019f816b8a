"""Text stored before it was cleaned on the way in: controls, NUL, lone surrogates
and bidi overrides out (core/textclean.py), so that no feed or page chokes on a row
saved earlier."""

from django.db import migrations

from core.textclean import clean_stored_rows


def clean(apps, schema_editor):
    clean_stored_rows(apps, "workshops")


class Migration(migrations.Migration):
    dependencies = [("workshops", "0006_proposal_notified_status")]

    # Nothing to put back: the characters removed are the ones that broke outputs.
    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]
