"""What citizens send and what the law asks of the portal: proposals and personal
data, e-mail, petitions and access to information (README "The law, as settings")."""

import os

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list

# Proposals one address may send in an hour; the next one is refused with a 429.
PROPOSAL_RATE_LIMIT = env_int("PROPOSAL_RATE_LIMIT", 5)
# A form sent sooner than this after it was shown was not filled in by a person.
PROPOSAL_MIN_FILL_SECONDS = env_int("PROPOSAL_MIN_FILL_SECONDS", 3)
# Who is told by e-mail that a proposal arrived (comma-separated).
PROPOSAL_NOTIFY_EMAILS = env_list("PROPOSAL_NOTIFY_EMAILS")
if PROPOSAL_RATE_LIMIT < 1 or any("@" not in a for a in PROPOSAL_NOTIFY_EMAILS):
    raise ImproperlyConfigured(
        "PROPOSAL_RATE_LIMIT must be at least 1 and PROPOSAL_NOTIFY_EMAILS a "
        "comma-separated list of e-mail addresses."
    )
# Law 09-08: the personal data that core/personal_data.py names (a proposal's
# submitter, a petition's agent: name, contact, address) is erased this many days
# after the proposal or petition arrived (manage.py erase_personal_data, run daily);
# the text stays.
PERSONAL_DATA_RETENTION_DAYS = env_int("PERSONAL_DATA_RETENTION_DAYS", 365)
# The CNDP's number for the declaration of this processing; the privacy page shows it.
CNDP_DECLARATION_NUMBER = os.environ.get("CNDP_DECLARATION_NUMBER", "")
# Where citizens write to see, correct or erase what is kept about them.
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")
# E-mails link back to the site, and no request is at hand when they are sent.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Off in production: an e-mail to a citizen never links to this machine.
EMAIL_LINKS_MAY_BE_LOCAL = True

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# SMTP when a server is named; otherwise e-mails are written to the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# --- Openness as the law defines it (issue #15; README "The law, as settings") -------

# Organic law 113-14 on communes, art. 125: the bureau's reasoned refusal of a
# petition is notified within three months of its receipt (for a commune).
PETITION_DECISION_MONTHS = env_int("PETITION_DECISION_MONTHS", 3)
# Art. 123 as we read it: 100 signatures in a commune under 35,000 inhabitants, 200
# in the others, 400 in a commune with arrondissements. Kenitra (about 430,000
# inhabitants, no arrondissements) needs 200.
PETITION_MIN_SIGNATURES = env_int("PETITION_MIN_SIGNATURES", 200)
# Art. 124 (associations): legally constituted for more than three years.
PETITION_ASSOCIATION_MIN_YEARS = env_int("PETITION_ASSOCIATION_MIN_YEARS", 3)
# The national portal where petitions are filed online and their agent follows them.
PETITION_PORTAL_URL = os.environ.get(
    "PETITION_PORTAL_URL", "https://www.eparticipation.ma/"
)
# Law 31-13 on access to information: requests are filed on the national portal.
ACCESS_TO_INFORMATION_PORTAL_URL = os.environ.get(
    "ACCESS_TO_INFORMATION_PORTAL_URL", "https://www.chafafiya.ma/"
)
# The equality, equal-opportunities and gender commission (113-14 art. 120): the
# organization whose meetings the attendance-by-gender page lists.
EQUALITY_COMMISSION_SLUG = os.environ.get(
    "EQUALITY_COMMISSION_SLUG", "equality-commission"
)
if PETITION_DECISION_MONTHS < 1 or PETITION_MIN_SIGNATURES < 1:
    raise ImproperlyConfigured(
        "PETITION_DECISION_MONTHS and PETITION_MIN_SIGNATURES must be at least 1."
    )
