"""Citizens' activity for the benchmark: a proposal sent every --every seconds through
the form's own service (services.submit_proposal), for --seconds. Prints the count.

Each one is stored unpublished, waiting for moderation, with its status and history
rows, as from the public form: none of them may empty the page cache.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kenitra_portal.settings.production")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402

from projects.models import Axis  # noqa: E402
from workshops import services  # noqa: E402

# The staff's e-mail about each arrival goes nowhere during a benchmark.
settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--every", type=float, default=2)
    args = parser.parse_args()
    axis = Axis.objects.published().order_by("pk").first()
    sent, deadline = 0, time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        with transaction.atomic():
            services.submit_proposal(
                {
                    "axis": axis,
                    "title": f"اقتراح رقم {sent + 1} من قياس الأداء",
                    "text": "نقترح توسيع ساعات فتح المكتبة الجماعية يوم السبت.",
                },
                language="ar",
                ip="127.0.0.2",
            )
        sent += 1
        time.sleep(args.every)
    print(sent)


if __name__ == "__main__":
    main()
