import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backup import read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database with the one in a backup archive and put its uploaded "
        "files back (the newest archive in backups/ when none is named)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?", help="The .tar.gz to restore.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, **options):
        archive = options["archive"] or self._newest()
        try:
            manifest = read_manifest(archive)
        except (OSError, ValueError, KeyError, tarfile.TarError) as error:
            raise CommandError(f"Cannot read {archive}: {error}") from None
        name = connection.settings_dict["NAME"]
        if options["interactive"]:
            answer = input(
                f"This replaces everything in the database {name} with the backup "
                f"of {manifest['created']}. Type 'yes' to go on: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore_backup(archive)
        except (RuntimeError, ValueError) as error:
            raise CommandError(str(error)) from None
        files = sum(len(names) for names in manifest["files"].values())
        self.stdout.write(
            f"Restored {archive}: the database and {files} uploaded files."
        )

    def _newest(self):
        archives = sorted(Path(settings.BASE_DIR, "backups").glob("kenitra-*.tar.gz"))
        if not archives:
            raise CommandError("No archive in backups/: run `make backup` first.")
        return archives[-1]
