from django.conf import settings
from django.core.management.base import BaseCommand

from core.backup import create_backup, file_roots


class Command(BaseCommand):
    help = (
        "Write the database and the uploaded files into one archive "
        "(backups/kenitra-<time>.tar.gz)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=settings.BASE_DIR / "backups",
            help="Folder for the archive (default: backups/).",
        )

    def handle(self, *args, **options):
        path = create_backup(options["output"])
        if not file_roots():
            self.stderr.write(
                "Uploads are on object storage and are not in this archive: "
                "keep the bucket's versioning on."
            )
        self.stdout.write(str(path))
