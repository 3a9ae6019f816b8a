"""Law 09-08: erase citizens' personal data once the retention period is over.

Run it daily (cron, systemd timer). What each record keeps, and from which date the
period counts, is in core/personal_data.py; the records themselves stay, anonymous.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from core import personal_data


class Command(BaseCommand):
    help = (
        "Erase the personal data (a proposal's submitter, a petition's agent) of "
        "records received more than PERSONAL_DATA_RETENTION_DAYS ago."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say how many records would be anonymised, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.PERSONAL_DATA_RETENTION_DAYS
        counts = []
        for model in personal_data.holders():
            due = personal_data.past_retention(model)
            count = due.count() if dry_run else personal_data.erase(due)
            counts.append(f"{count} {model._meta.model_name}(s)")
        done = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(f"Older than {days} days, {done}: {', '.join(counts)}.")
