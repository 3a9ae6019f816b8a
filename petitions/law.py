"""What the law says about petitions to a commune's council, in one place.

Organic law 113-14 on communes (dahir 1.15.85 of 7 July 2015, Bulletin officiel
6380 of 23 July 2015), title IV, chapter on petitions, art. 121–125, and decree
2.16.403 of 6 October 2016 on the petition's form and supporting documents.
Constitution of 2011, art. 139 (the right of petition to territorial councils).

Numbers that the commune may need to correct (because a text is amended, or our
reading is wrong) are settings, with the law's figure as the default; README.md
lists them.
"""

import calendar
import datetime

from django.conf import settings


def add_months(day, months):
    """`day` plus whole calendar months; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def decision_deadline(received_on):
    """113-14 art. 125: a refusal is reasoned and notified to the petition's agent
    within three months of its receipt (PETITION_DECISION_MONTHS)."""
    return add_months(received_on, settings.PETITION_DECISION_MONTHS)


def conditions():
    """The figures the explanation page quotes, from settings."""
    return {
        "min_signatures": settings.PETITION_MIN_SIGNATURES,
        "association_min_years": settings.PETITION_ASSOCIATION_MIN_YEARS,
        "decision_months": settings.PETITION_DECISION_MONTHS,
        "portal_url": settings.PETITION_PORTAL_URL,
    }
