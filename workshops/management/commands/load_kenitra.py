"""Load the press article about the openness program's launch meeting."""

import argparse
import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from consultations.models import (
    AgendaItem,
    Meeting,
    MeetingStatus,
    Membership,
    Organization,
    OrganizationKind,
    Participation,
    Person,
    PressCoverage,
    Venue,
)
from core.models import PublicationStatus
from core.text import strip_bidi_controls
from projects.models import Axis, Goal, Program, Project, ProjectStatus
from workshops import kenitra_content as content
from workshops.models import Workshop

LANGUAGES = ("ar", "fr", "en")
KENITRA_TIME = ZoneInfo("Africa/Casablanca")
# The article says "this Wednesday morning" and no hour; 09:00 is a stand-in.
MORNING = datetime.time(9, 0)
WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
PUBLISHED = {"publication_status": PublicationStatus.PUBLISHED}


def translated(field, texts):
    return {f"{field}_{code}": texts[code] for code in LANGUAGES}


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
        " workshops and the press coverage with the article's full text, in Arabic,"
        " French and English, all published. The article's 'workshops on the"
        " priority axes' are recorded as one workshop per axis. Running it again"
        " changes nothing; it never clears a date or a facilitator entered since."
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
                "The article's text file. Default: ../"
                f"{content.SEED_ARTICLE.as_posix()} next to the project, or the copy"
                " kept in workshops/kenitra_content.py when that file is missing."
            ),
        )

    def handle(self, *args, **options):
        article_text, article_source = self.read_article(options["article"])
        self.created = self.updated = 0
        with transaction.atomic():
            loaded = self.load(article_text, options["date"], options["association"])
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
            f"Rows created: {self.created}, updated: {self.updated};"
            f" article text from {article_source}."
        )

    def read_article(self, path):
        if path is None:
            path = Path(settings.BASE_DIR).parent / content.SEED_ARTICLE
            if not path.is_file():
                return content.ARTICLE_TEXT, "the copy in workshops/kenitra_content.py"
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

    def upsert(self, model, lookup, values):
        """update_or_create that saves only what changed.

        update_or_create saves every time, which would add a history row to every
        record and move its "updated at" on each `make setup`.
        """
        try:
            obj = model.objects.get(**lookup)
        except model.DoesNotExist:
            obj = model(**{**lookup, **values})
            obj.save()
            self.created += 1
            return obj
        changed = False
        for name, value in values.items():
            field = model._meta.get_field(name)
            if isinstance(value, models.Model):
                current, value = getattr(obj, field.attname), value.pk
                name = field.attname
            else:
                current = getattr(obj, name)
            if current != value:
                setattr(obj, name, value)
                changed = True
        if changed:
            if hasattr(obj, "version"):
                # An editor's form opened before this load must not overwrite it.
                obj.version += 1
            obj.save()
            self.updated += 1
        return obj

    def load(self, article_text, date, association_names):
        program = self.upsert(
            Program,
            {"slug": content.PROGRAM["slug"]},
            {
                **translated("title", content.PROGRAM["title"]),
                **translated("summary", content.PROGRAM["summary"]),
                **PUBLISHED,
            },
        )
        organizations = self.load_organizations()
        venue = self.upsert(
            Venue,
            {"name_ar": content.VENUE["name"]["ar"]},
            {
                **translated("name", content.VENUE["name"]),
                **translated("city", content.VENUE["city"]),
            },
        )
        axes, projects_by_axis, goals = self.load_axes(program)
        projects = [
            p for axis_projects in projects_by_axis.values() for p in axis_projects
        ]
        people, memberships = self.load_people(organizations)

        launch = self.load_meeting(
            content.LAUNCH_MEETING,
            venue=venue,
            organizer=organizations["commune"],
            parent=None,
            axes=list(axes.values()),
            projects=projects,
            people=people,
            organizations=organizations,
            # Only given with --date: a later run without it keeps what is stored.
            extra={}
            if date is None
            else {"start": datetime.datetime.combine(date, MORNING, KENITRA_TIME)},
        )
        # The session's start is not known even with --date: only "morning" is.
        self.load_meeting(
            content.SESSION,
            venue=venue,
            organizer=organizations["commune"],
            parent=launch,
            axes=[axes[content.SESSION["axis"]]],
            projects=[],
            people=people,
            organizations=organizations,
        )
        workshops = self.load_workshops(launch, axes, projects_by_axis)
        for name in association_names:
            association = self.association(name)
            for workshop in workshops:
                workshop.facilitators.add(association)

        coverage_values = {
            "byline": content.PRESS_COVERAGE["byline"],
            "language": content.PRESS_COVERAGE["language"],
            "text": content.mend_line_breaks(article_text),
        }
        if date is not None:
            # "صباح اليوم الأربعاء": the article appeared on the day of the meeting.
            coverage_values["date"] = date
        self.upsert(
            PressCoverage,
            {
                "meeting": launch,
                "outlet": organizations[content.PRESS_COVERAGE["outlet"]],
            },
            coverage_values,
        )
        return {
            "program": 1,
            "axes": len(axes),
            "projects": len(projects),
            "goals": len(goals),
            "venues": 1,
            "organizations": len(organizations),
            "people": len(people),
            "memberships": len(memberships),
            "meetings": 2,
            "agenda": len(content.LAUNCH_MEETING["agenda"])
            + len(content.SESSION["agenda"]),
            "participations": len(content.LAUNCH_MEETING["participations"])
            + len(content.SESSION["participations"]),
            "workshops": len(workshops),
            "press": 1,
        }

    def load_organizations(self):
        organizations = {}
        # Parents come before their bodies in the content, so they exist already.
        for key, data in content.ORGANIZATIONS.items():
            parent = data["parent"] and organizations[data["parent"]]
            organizations[key] = self.upsert(
                Organization,
                {"slug": data["slug"]},
                {
                    **translated("name", data["name"]),
                    "kind": data["kind"],
                    "parent": parent,
                },
            )
        return organizations

    def load_axes(self, program):
        axes, projects_by_axis, goals = {}, {}, []
        for axis_data in content.AXES:
            axis = self.upsert(
                Axis,
                {"slug": axis_data["slug"]},
                {
                    "program": program,
                    "number": axis_data["number"],
                    "icon": axis_data["icon"],
                    **translated("title", axis_data["title"]),
                    **PUBLISHED,
                },
            )
            axes[axis.number] = axis
            projects = {}
            for order, project_data in enumerate(axis_data["projects"], start=1):
                projects[project_data["slug"]] = self.upsert(
                    Project,
                    {"slug": project_data["slug"]},
                    {
                        "axis": axis,
                        **translated("title", project_data["title"]),
                        "status": ProjectStatus.PROPOSED,
                        "progress": 0,
                        "order": order,
                        **PUBLISHED,
                    },
                )
            for order, goal_data in enumerate(axis_data["goals"], start=1):
                project = goal_data["project"] and projects[goal_data["project"]]
                goals.append(
                    self.upsert(
                        Goal,
                        {"axis": axis, "title_ar": goal_data["title"]["ar"]},
                        {
                            "title_fr": goal_data["title"]["fr"],
                            "title_en": goal_data["title"]["en"],
                            "project": project,
                            "order": order,
                        },
                    )
                )
            projects_by_axis[axis.number] = list(projects.values())
        return axes, projects_by_axis, goals

    def load_people(self, organizations):
        people, memberships = {}, []
        for data in content.PEOPLE:
            person = self.upsert(
                Person,
                {"slug": data["slug"]},
                {
                    **translated("name", data["name"]),
                    **translated("honorific", content.HONORIFICS[data["gender"]]),
                    "gender": data["gender"],
                },
            )
            people[data["slug"]] = person
            for organization_key, role in data["memberships"]:
                memberships.append(
                    self.upsert(
                        Membership,
                        {
                            "person": person,
                            "organization": organizations[organization_key],
                            "role_ar": role["ar"],
                        },
                        {"role_fr": role["fr"], "role_en": role["en"]},
                    )
                )
        return people, memberships

    def load_meeting(
        self,
        data,
        *,
        venue,
        organizer,
        parent,
        axes,
        projects,
        people,
        organizations,
        extra=None,
    ):
        meeting = self.upsert(
            Meeting,
            {"slug": data["slug"]},
            {
                "kind": data["kind"],
                "parent": parent,
                "venue": venue,
                "organizer": organizer,
                "status": MeetingStatus.HELD,
                **translated("title", data["title"]),
                **translated("date_text", data["date_text"]),
                **translated("summary", data["summary"]),
                **translated("attendance_note", data["attendance_note"]),
                **PUBLISHED,
                **(extra or {}),
            },
        )
        # add(), not set(): what staff linked since stays linked.
        meeting.axes.add(*axes)
        meeting.projects.add(*projects)

        participations = {}
        for order, item in enumerate(data["participations"], start=1):
            person = item["person"] and people[item["person"]]
            organization = organizations[item["organization"]]
            participations[item["ref"]] = self.upsert(
                Participation,
                {
                    "meeting": meeting,
                    "person": person,
                    # Without a person, the organization is who took part.
                    **({} if person else {"organization": organization}),
                    "role_ar": item["role"]["ar"],
                },
                {
                    "organization": organization,
                    "role_fr": item["role"]["fr"],
                    "role_en": item["role"]["en"],
                    "participation_role": item["participation_role"],
                    "spoke": item["spoke"],
                    "order": order,
                },
            )
        for order, item in enumerate(data["agenda"], start=1):
            self.upsert(
                AgendaItem,
                {"meeting": meeting, "order": order},
                {
                    **translated("title", item["title"]),
                    **translated("description", item["description"]),
                    "speaker": item["speaker"] and participations[item["speaker"]],
                },
            )
        return meeting

    def load_workshops(self, meeting, axes, projects_by_axis):
        workshops = []
        for order, data in enumerate(content.WORKSHOPS, start=1):
            axis = axes[data["axis"]]
            workshop = self.upsert(
                Workshop,
                {"slug": data["slug"]},
                {
                    "meeting": meeting,
                    "axis": axis,
                    "order": order,
                    **translated("title", data["title"]),
                    **translated(
                        "facilitators_note", content.WORKSHOP_FACILITATORS_NOTE
                    ),
                    **translated("summary", content.WORKSHOP_SUMMARY),
                    **PUBLISHED,
                },
            )
            workshop.projects.add(*projects_by_axis[axis.number])
            workshops.append(workshop)
        return workshops

    def association(self, name):
        existing = Organization.objects.filter(name_ar=name).first()
        if existing is not None:
            if existing.kind != OrganizationKind.ASSOCIATION:
                raise CommandError(
                    f"{name!r} is already recorded as a {existing.get_kind_display()},"
                    " not an association; it cannot lead the workshops."
                )
            return existing
        base = slugify(name, allow_unicode=True) or "association"
        slug, suffix = base, 2
        while Organization.objects.filter(slug=slug).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        self.created += 1
        return Organization.objects.create(
            name_ar=name, slug=slug, kind=OrganizationKind.ASSOCIATION
        )
