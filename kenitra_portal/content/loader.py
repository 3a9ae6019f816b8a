"""The Kenitra article's records, written from kenitra.json beside this module.

Every translated value in the data is `{"ar": …, "fr": …, …}`; a language it does not
give is left alone, so the page falls back to Arabic (or keeps what staff wrote).
Writing only what changed makes a second run change nothing. A record is published
when the loader creates it, through core.publishing as a system action; after that its
publication is its publishers' decision, so a later run leaves a record they took off
the site where it is.
"""

import datetime
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import CommandError
from django.db import models
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
from core import publishing
from projects.models import Axis, Goal, Program, Project, ProjectStatus
from workshops.models import Workshop

CONTENT_FILE = Path(__file__).resolve().parent / "kenitra.json"
# A copy of the seed article, so that a clone without ../shared still loads it in
# full; a test checks that it equals the seed file.
ARTICLE_COPY = Path(__file__).resolve().parent / "kenitra-openness-meeting.ar.txt"
KENITRA_TIME = ZoneInfo("Africa/Casablanca")
# The article says "this Wednesday morning" and no hour; 09:00 is a stand-in.
MORNING = datetime.time(9, 0)


# Punctuation that cannot open a line: a line break before it is a copy-and-paste
# accident of the source (the seed article has a line starting with "،").
_CLOSING_PUNCTUATION = ("\u060c", "\u061b", ",", ";", ".", ":")


def mend_line_breaks(text):
    """`text` with each line that starts with a closing mark joined to the line above."""
    lines = []
    for line in text.split("\n"):
        if lines and line.lstrip().startswith(_CLOSING_PUNCTUATION):
            lines[-1] = lines[-1].rstrip() + line.lstrip()
        else:
            lines.append(line)
    return "\n".join(lines)


def read_content(path=CONTENT_FILE):
    return json.loads(path.read_text(encoding="utf-8"))


def translated(field, texts, *, besides=()):
    """`<field>_<code>` for each language of the site that `texts` gives a value in.

    `besides` names languages already used in the row's lookup.
    """
    return {
        f"{field}_{code}": texts[code]
        for code, _name in settings.LANGUAGES
        if code in texts and code not in besides
    }


class KenitraLoader:
    def __init__(self, content=None):
        self.content = read_content() if content is None else content
        self.created = self.updated = 0

    def upsert(self, model, lookup, values, *, publish=False):
        """update_or_create that saves only what changed; `publish` a record it creates.

        update_or_create saves every time, which would add a history row to every
        record and move its "updated at" on each `make setup`.
        """
        try:
            obj = model.objects.get(**lookup)
        except model.DoesNotExist:
            obj = model(**{**lookup, **values})
            if publish:
                publishing.publish_as_system(obj)
            else:
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
        content = self.content
        program = self.upsert(
            Program,
            {"slug": content["program"]["slug"]},
            {
                **translated("title", content["program"]["title"]),
                **translated("summary", content["program"]["summary"]),
            },
            publish=True,
        )
        organizations = self.load_organizations()
        venue_data = content["venue"]
        venue = self.upsert(
            Venue,
            {"name_ar": venue_data["name"]["ar"]},
            {
                **translated("name", venue_data["name"], besides=("ar",)),
                **translated("city", venue_data["city"]),
            },
        )
        axes, projects_by_axis, goals = self.load_axes(program)
        projects = [p for listed in projects_by_axis.values() for p in listed]
        people, memberships = self.load_people(organizations)

        launch_data, session_data = content["meetings"]
        common = {
            "venue": venue,
            "organizer": organizations["commune"],
            "people": people,
            "organizations": organizations,
        }
        launch = self.load_meeting(
            launch_data,
            parent=None,
            axes=list(axes.values()),
            projects=projects,
            # Only given with --date: a later run without it keeps what is stored.
            extra={}
            if date is None
            else {"start": datetime.datetime.combine(date, MORNING, KENITRA_TIME)},
            **common,
        )
        # The session's start is not known even with --date: only "morning" is.
        self.load_meeting(
            session_data,
            parent=launch,
            axes=[axes[session_data["axis"]]],
            projects=[],
            **common,
        )
        workshops = self.load_workshops(launch, axes, projects_by_axis)
        for name in association_names:
            association = self.association(name)
            for workshop in workshops:
                workshop.facilitators.add(association)

        coverage = content["press_coverage"]
        coverage_values = {
            "byline": coverage["byline"],
            "language": coverage["language"],
            "text": mend_line_breaks(article_text),
        }
        if date is not None:
            # "صباح اليوم الأربعاء": the article appeared on the day of the meeting.
            coverage_values["date"] = date
        self.upsert(
            PressCoverage,
            {"meeting": launch, "outlet": organizations[coverage["outlet"]]},
            coverage_values,
        )
        meetings = content["meetings"]
        return {
            "program": 1,
            "axes": len(axes),
            "projects": len(projects),
            "goals": len(goals),
            "venues": 1,
            "organizations": len(organizations),
            "people": len(people),
            "memberships": len(memberships),
            "meetings": len(meetings),
            "agenda": sum(len(meeting["agenda"]) for meeting in meetings),
            "participations": sum(len(m["participations"]) for m in meetings),
            "workshops": len(workshops),
            "press": 1,
        }

    def load_organizations(self):
        organizations = {}
        # Parents come before their bodies in the content, so they exist already.
        for key, data in self.content["organizations"].items():
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
        for axis_data in self.content["axes"]:
            axis = self.upsert(
                Axis,
                {"slug": axis_data["slug"]},
                {
                    "program": program,
                    "number": axis_data["number"],
                    "icon": axis_data["icon"],
                    **translated("title", axis_data["title"]),
                },
                publish=True,
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
                    },
                    publish=True,
                )
            for order, goal_data in enumerate(axis_data["goals"], start=1):
                project = goal_data["project"] and projects[goal_data["project"]]
                goals.append(
                    self.upsert(
                        Goal,
                        {"axis": axis, "title_ar": goal_data["title"]["ar"]},
                        {
                            **translated("title", goal_data["title"], besides=("ar",)),
                            "project": project,
                            "order": order,
                        },
                    )
                )
            projects_by_axis[axis.number] = list(projects.values())
        return axes, projects_by_axis, goals

    def load_people(self, organizations):
        people, memberships = {}, []
        honorifics = self.content["honorifics"]
        for data in self.content["people"]:
            person = self.upsert(
                Person,
                {"slug": data["slug"]},
                {
                    **translated("name", data["name"]),
                    **translated("honorific", honorifics[data["gender"]]),
                    "gender": data["gender"],
                },
            )
            people[data["slug"]] = person
            for membership in data["memberships"]:
                role = membership["role"]
                memberships.append(
                    self.upsert(
                        Membership,
                        {
                            "person": person,
                            "organization": organizations[membership["organization"]],
                            "role_ar": role["ar"],
                        },
                        translated("role", role, besides=("ar",)),
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
                **(extra or {}),
            },
            publish=True,
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
                    **translated("role", item["role"], besides=("ar",)),
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
        shared = self.content["workshops"]
        workshops = []
        for order, data in enumerate(shared["items"], start=1):
            axis = axes[data["axis"]]
            workshop = self.upsert(
                Workshop,
                {"slug": data["slug"]},
                {
                    "meeting": meeting,
                    "axis": axis,
                    "order": order,
                    **translated("title", data["title"]),
                    **translated("facilitators_note", shared["facilitators_note"]),
                    **translated("summary", shared["summary"]),
                },
                publish=True,
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
