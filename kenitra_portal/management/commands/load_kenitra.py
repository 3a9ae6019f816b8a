"""Load the press article about the openness program's launch meeting.

The article's content is data (kenitra_portal/content/kenitra.json), written by
kenitra_portal.content.loader; this command lives in the top floor because it
writes the records of every app.
"""

import argparse
import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from consultations.models import Organization
from core.text import strip_bidi_controls
from kenitra_portal.content.loader import ARTICLE_COPY, KenitraLoader

# Relative to the folder that holds the repository, where the project's sources live.
SEED_ARTICLE = Path("shared") / "seed" / "kenitra-openness-meeting.ar.txt"
WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


def meeting_date(value):
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-05-15."
        ) from None
    if day.weekday() != 2:
        raise argparse.ArgumentTypeError(
            f"{day.isoformat()} is a {WEEKDAYS[day.weekday()]}; the article says the"
            " meeting was held on a Wednesday."
        )
    if day > timezone.localdate():
        raise argparse.ArgumentTypeError(
            f"{day.isoformat()} is in the future; the article reports a meeting that"
            " has already been held."
        )
    return day


def association_name(value):
    name = " ".join(strip_bidi_controls(value).split())
    if not name:
        raise argparse.ArgumentTypeError("an association's name cannot be empty.")
    max_length = Organization._meta.get_field("name").max_length
    if len(name) > max_length:
        raise argparse.ArgumentTypeError(
            f"an association's name has at most {max_length} characters."
        )
    return name


class Command(BaseCommand):
    help = (
        "Load the Maghribia Press article on the launch meeting of the Kenitra"
        " Commune's openness program: the program, its 4 axes, 6 projects and their"
        " goals, the meeting with its agenda, speakers and the session on"
        " digitalisation that continued it, the people and their roles, the"
        " workshops and the press coverage with the article's full text, in every"
        " language kenitra_portal/content/kenitra.json gives, published as it"
        " creates them. The article's 'workshops on the priority axes' are recorded"
        " as one workshop per axis. Running it again changes nothing; it never"
        " clears a date or a facilitator entered since, nor publishes again a record"
        " a publisher has taken off the site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=meeting_date,
            help=(
                "The Wednesday (YYYY-MM-DD) of the meeting, which the article does"
                " not give. Sets the meeting's start to 09:00 Africa/Casablanca that"
                " day (the article only says 'morning') and the article's date."
                " Without it the meeting keeps 'Wednesday morning' and no date."
            ),
        )
        parser.add_argument(
            "--association",
            action="append",
            type=association_name,
            default=[],
            metavar="NAME",
            help=(
                "An association that led the workshops (the article names none);"
                " repeat for each. Created if needed and linked to every workshop."
            ),
        )
        parser.add_argument(
            "--article",
            type=Path,
            metavar="PATH",
            help=(
                f"The article's text file. Default: ../{SEED_ARTICLE.as_posix()}"
                " next to the project, or the copy kept in kenitra_portal/content/"
                " when that file is missing."
            ),
        )

    def handle(self, *args, **options):
        article_text, article_source = self.read_article(options["article"])
        loader = KenitraLoader()
        with transaction.atomic():
            loaded = loader.load(article_text, options["date"], options["association"])
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            self.style.SUCCESS(
                "Loaded: {program} program, {axes} axes, {projects} projects,"
                " {goals} goals, {venues} venue, {organizations} organizations,"
                " {people} people, {memberships} memberships, {meetings} meetings,"
                " {agenda} agenda items, {participations} participations,"
                " {workshops} workshops, {press} press article.".format(**loaded)
            )
        )
        self.stdout.write(
            f"Rows created: {loader.created}, updated: {loader.updated};"
            f" article text from {article_source}."
        )

    def read_article(self, path):
        if path is None:
            path = Path(settings.BASE_DIR).parent / SEED_ARTICLE
            if not path.is_file():
                return (
                    ARTICLE_COPY.read_text(encoding="utf-8"),
                    "the copy in kenitra_portal/content/",
                )
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(f"The article file {path} does not exist.") from None
        except UnicodeDecodeError:
            raise CommandError(f"The article file {path} is not UTF-8 text.") from None
        except OSError as error:
            raise CommandError(
                f"Cannot read the article file {path}: {error}"
            ) from None
        if not text.strip():
            raise CommandError(f"The article file {path} is empty.")
        return text, path
