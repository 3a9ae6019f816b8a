"""A backup restored into an empty database brings back every row and every file."""

import uuid

import psycopg2
import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

from consultations.models import Document
from core.backup import create_backup, restore_backup
from tests.factories import (
    DocumentFactory,
    ParticipationFactory,
    ProjectFactory,
    ProposalFactory,
    UserFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

is_postgresql = connection.vendor == "postgresql"


@pytest.fixture
def content(settings, tmp_path):
    # Public uploads in a folder of this test's own; meeting documents stay where
    # the document field's storage was set up (DOCUMENTS_ROOT of the test settings).
    settings.MEDIA_ROOT = tmp_path / "media"
    default_storage.save("photos/opening.jpg", ContentFile(b"\xff\xd8 photo"))
    project = ProjectFactory(title_ar="مشروع الأرشيف الرقمي", title_fr="Archives")
    WorkshopFactory(axis=project.axis)
    ParticipationFactory()
    ProposalFactory(axis=project.axis, submitter_name="مواطنة")
    UserFactory(username="publisher", is_staff=True)
    document = DocumentFactory(
        file__filename=f"minutes-{uuid.uuid4().hex}.pdf", file__data=b"%PDF-1.4 x"
    )
    return document


def table_fingerprints(cursor, tables):
    """Every row of every table, as text, so a lost or changed row shows."""
    rows = {}
    for table in tables:
        quoted = connection.ops.quote_name(table)
        cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - names from Django
        rows[table] = sorted(repr(row) for row in cursor.fetchall())
    return rows


def pg_fingerprints(cursor, tables):
    """Row count and a digest of every row's text, computed by PostgreSQL itself."""
    digests = {}
    for table in tables:
        cursor.execute(
            f"SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) "  # noqa: S608
            f'FROM "{table}" t'
        )
        digests[table] = cursor.fetchone()
    return digests


def portal_tables():
    return sorted(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    )


@pytest.mark.skipif(is_postgresql, reason="the SQLite round trip")
def test_sqlite_backup_restores_every_row_and_file_into_an_empty_database(
    content, tmp_path
):
    with connection.cursor() as cursor:
        before = table_fingerprints(cursor, portal_tables())
    assert before["workshops_proposal"]
    archive = create_backup(tmp_path)
    document_path = content.file.path
    call_command("flush", interactive=False, verbosity=0)
    content.file.storage.delete(content.file.name)
    default_storage.delete("photos/opening.jpg")
    assert not Document.objects.exists()

    call_command("restore", str(archive), interactive=False, verbosity=0)

    with connection.cursor() as cursor:
        assert table_fingerprints(cursor, portal_tables()) == before
    with open(document_path, "rb") as restored:
        assert restored.read() == b"%PDF-1.4 x"
    assert default_storage.open("photos/opening.jpg").read() == b"\xff\xd8 photo"


@pytest.mark.skipif(not is_postgresql, reason="needs PostgreSQL's pg_dump")
def test_postgresql_backup_restores_every_row_and_file_into_a_new_database(
    content, tmp_path
):
    with connection.cursor() as cursor:
        cursor.execute("SET timezone = 'UTC'")
        before = pg_fingerprints(cursor, portal_tables())
    assert before["workshops_proposal"][0] == 1
    archive = create_backup(tmp_path)
    document_path = content.file.path
    content.file.storage.delete(content.file.name)
    default_storage.delete("photos/opening.jpg")
    scratch = {
        **connection.settings_dict,
        "NAME": f"kenitra_restore_{uuid.uuid4().hex[:8]}",
    }
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {scratch['NAME']}")
    try:
        restore_backup(archive, database=scratch)

        restored = psycopg2.connect(
            host=scratch["HOST"] or None,
            port=scratch["PORT"] or None,
            user=scratch["USER"] or None,
            password=scratch["PASSWORD"] or None,
            dbname=scratch["NAME"],
            options="-c timezone=UTC",
        )
        try:
            with restored.cursor() as cursor:
                after = pg_fingerprints(cursor, portal_tables())
        finally:
            restored.close()
        assert after == before
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {scratch['NAME']}")
    with open(document_path, "rb") as restored_file:
        assert restored_file.read() == b"%PDF-1.4 x"
    assert default_storage.open("photos/opening.jpg").read() == b"\xff\xd8 photo"


def test_restore_refuses_an_archive_that_is_not_a_backup(tmp_path):
    from django.core.management import CommandError

    bogus = tmp_path / "kenitra-bogus.tar.gz"
    bogus.write_bytes(b"not a tar file")

    with pytest.raises(CommandError, match="Cannot read"):
        call_command("restore", str(bogus), interactive=False)
