"""One archive holds everything the portal cannot rebuild: the database and the uploads.

PostgreSQL goes through pg_dump/pg_restore (custom format, so a restore can clean
first); SQLite through its online backup API, which copies a live database safely.
Uploads on the local disk (MEDIA_ROOT and the private DOCUMENTS_ROOT) are added as
they are; uploads on object storage are not, since the bucket keeps its own versions.
"""

import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections
from django.utils import timezone

MANIFEST = "manifest.json"


def file_roots():
    """The folders of uploads on this machine, by the name they have in an archive."""
    roots = {}
    if isinstance(default_storage, FileSystemStorage):
        roots["media"] = Path(settings.MEDIA_ROOT)
    documents = getattr(settings, "DOCUMENTS_ROOT", None)
    if documents and isinstance(default_storage, FileSystemStorage):
        roots["private-media"] = Path(documents)
    return roots


def _engine(database):
    engine = database["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise ImproperlyConfigured(f"Backups know PostgreSQL and SQLite, not {engine}.")


def _pg_arguments(database):
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    return arguments


def _pg_environment(database):
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    return environment


def _run(command, database):
    result = subprocess.run(  # noqa: S603 - fixed programs, arguments from settings
        command, env=_pg_environment(database), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stderr.strip()}")


def create_backup(directory, alias="default"):
    """Write `kenitra-<time>.tar.gz` into `directory`; return its path."""
    connection = connections[alias]
    database = connection.settings_dict
    engine = _engine(database)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    archive_path = directory / f"kenitra-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        if engine == "postgresql":
            dump = Path(work) / "database.dump"
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={dump}",
                    *_pg_arguments(database),
                    database["NAME"],
                ],
                database,
            )
        else:
            dump = Path(work) / "database.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(dump)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        roots = file_roots()
        manifest = {
            "created": timezone.now().isoformat(),
            "engine": engine,
            "database": dump.name,
            "files": {
                name: sorted(
                    str(path.relative_to(root))
                    for path in root.rglob("*")
                    if path.is_file()
                )
                for name, root in roots.items()
                if root.exists()
            },
        }
        (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=2))
        with tarfile.open(archive_path, "w:gz") as archive:
            archive.add(Path(work) / MANIFEST, arcname=MANIFEST)
            archive.add(dump, arcname=dump.name)
            for name, root in roots.items():
                if root.exists():
                    archive.add(root, arcname=name)
    return archive_path


def read_manifest(archive_path):
    with tarfile.open(archive_path, "r:gz") as archive:
        member = archive.extractfile(MANIFEST)
        if member is None:
            raise ValueError(f"{archive_path} is not a portal backup.")
        return json.load(member)


def restore_backup(archive_path, alias="default", database=None):
    """Load an archive into a database (default: the configured one) and the disk.

    The database is replaced; uploads are written back over files of the same
    name, and other files are left alone.
    """
    connection = connections[alias]
    database = database or connection.settings_dict
    engine = _engine(database)
    manifest = read_manifest(archive_path)
    if manifest["engine"] != engine:
        raise ValueError(
            f"This backup is of a {manifest['engine']} database; "
            f"the target is {engine}."
        )
    roots = file_roots()
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(archive_path, "r:gz") as archive:
            # Files go straight to their folder; the "data" filter refuses absolute
            # paths, "..", links out of the folder and device files.
            for member in archive:
                top, _, rest = member.name.partition("/")
                if member.name == manifest["database"]:
                    archive.extract(member, work, filter="data")
                elif top in roots and rest:
                    archive.extract(
                        member.replace(name=rest), roots[top], filter="data"
                    )
        dump = Path(work) / manifest["database"]
        if engine == "postgresql":
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    f"--dbname={database['NAME']}",
                    *_pg_arguments(database),
                    str(dump),
                ],
                database,
            )
        else:
            connection.ensure_connection()
            source = sqlite3.connect(dump)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
    return manifest
