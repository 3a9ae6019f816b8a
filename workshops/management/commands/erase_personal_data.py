"""Law 09-08: erase submitters' personal data once the retention period is over.

Run it daily (cron, systemd timer). The proposals stay, anonymous.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from workshops import services


class Command(BaseCommand):
    help = (
        "Erase the name, association, e-mail, phone and IP address of proposals "
        "older than PERSONAL_DATA_RETENTION_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say how many proposals would be anonymised, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        due = services.personal_data_past_retention()
        days = settings.PERSONAL_DATA_RETENTION_DAYS
        if dry_run:
            count = due.count()
            self.stdout.write(
                f"{count} proposal(s) older than {days} days would be anonymised."
            )
            return
        count = services.erase_personal_data(due)
        self.stdout.write(
            f"Personal data erased from {count} proposal(s) older than {days} days."
        )
