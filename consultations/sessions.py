"""A council session's part of a meeting, and the council's decision on each point.

Organic law 113-14 on communes: art. 33 (three ordinary sessions a year, in the first
week of February, May and October), art. 36 (extraordinary sessions), art. 48 (the
sessions are public). The gender head-counts serve the equality, equal-opportunities
and gender commission (art. 120). The concrete models (Meeting, AgendaItem,
Participation) are in models.py.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from projects.models import Axis, Project

from .people import Gender


class SessionType(models.TextChoices):
    """113-14 art. 33: three ordinary sessions a year, in the first week of
    February, May and October; art. 36: extraordinary sessions when needed."""

    ORDINARY = "ordinary", _("Ordinary session")
    EXTRAORDINARY = "extraordinary", _("Extraordinary session")


class Outcome(models.TextChoices):
    NONE = "", _("Not decided")
    ADOPTED = "adopted", _("Adopted")
    REJECTED = "rejected", _("Rejected")
    POSTPONED = "postponed", _("Postponed")


class Attendance(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Absent, excused")
    ABSENT = "absent", _("Absent")


class CouncilSession(models.Model):
    """A meeting's fields and figures as a council session and for gender counts."""

    session_type = models.CharField(
        _("type of council session"),
        max_length=20,
        choices=SessionType.choices,
        blank=True,
        help_text=_(
            "For a council session only: ordinary (February, May, October; "
            "113-14 art. 33) or extraordinary (art. 36)."
        ),
    )
    # Unnamed attendees, counted by staff ("45 attendees, of whom 20 women"); the
    # named participants are counted from their records (see attendance_by_gender).
    headcount_total = models.PositiveIntegerField(
        _("other attendees, not named"),
        null=True,
        blank=True,
        help_text=_("How many attended besides the participants listed by name."),
    )
    headcount_women = models.PositiveIntegerField(
        _("of whom women"),
        null=True,
        blank=True,
        help_text=_(
            "For the equality, equal-opportunities and gender commission "
            "(113-14 art. 120)."
        ),
    )

    class Meta:
        abstract = True

    def attendance_groups(self):
        """(attendance, participations) for each attendance that has someone,
        present first; from the prefetched participations."""
        groups = {value: [] for value in Attendance}
        for participation in self.participations.all():
            groups[participation.attendance].append(participation)
        return [(Attendance(value), rows) for value, rows in groups.items() if rows]

    def attendance_by_gender(self):
        """Named participants present, by gender, plus the unnamed head-count.

        Uses the prefetched participations when there are any, so a page that
        prefetched them makes no further query.
        """
        counts = {"women": 0, "men": 0, "unknown": 0}
        for participation in self.participations.all():
            if participation.attendance != Attendance.PRESENT:
                continue
            gender = participation.person.gender if participation.person else ""
            key = {Gender.FEMALE: "women", Gender.MALE: "men"}.get(gender, "unknown")
            counts[key] += 1
        named = sum(counts.values())
        others = self.headcount_total or 0
        others_women = self.headcount_women or 0
        return {
            "named": named,
            "named_women": counts["women"],
            "named_men": counts["men"],
            "named_unknown": counts["unknown"],
            "others": others,
            "others_women": others_women,
            "total": named + others,
            "women": counts["women"] + others_women,
        }


class AgendaDecision(models.Model):
    """What an agenda point concerns and what the council decided on it (مقرر)."""

    # A point concerning a petition is linked from the petition (petitions app).
    axis = models.ForeignKey(
        Axis,
        verbose_name=_("axis concerned"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project concerned"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    outcome = models.CharField(
        _("decision"),
        max_length=20,
        choices=Outcome.choices,
        blank=True,
        help_text=_(
            "What the council decided on the point; shown once the session is held."
        ),
    )
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(
        _("votes against"), null=True, blank=True
    )
    votes_abstaining = models.PositiveSmallIntegerField(
        _("abstentions"), null=True, blank=True
    )
    decision_text = models.TextField(
        _("text of the decision"),
        blank=True,
        help_text=_("The council's decision (مقرر) as adopted."),
    )

    class Meta:
        abstract = True

    @property
    def has_votes(self):
        return any(
            value is not None
            for value in (self.votes_for, self.votes_against, self.votes_abstaining)
        )
