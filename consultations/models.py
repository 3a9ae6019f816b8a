"""Meetings and the people in them; names follow Open Civic Data and Popolo.

People, organizations and venues are in people.py, documents, photos and press in
media.py: models of this app all the same.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import (
    PublishableModel,
    PublishableQuerySet,
    SearchableModel,
    TimeStampedModel,
)
from projects.models import Axis, Project

from .media import (  # noqa: F401 - the app's models, importable from here
    Document,
    DocumentKind,
    Photo,
    PressCoverage,
)
from .people import (  # noqa: F401 - the app's models, importable from here
    Gender,
    Membership,
    Organization,
    OrganizationKind,
    Person,
    Venue,
    ends_after_start,
)


class MeetingKind(models.TextChoices):
    CONSULTATION = "consultation", _("Consultative meeting")
    SESSION = "session", _("Thematic session")
    COUNCIL = "council", _("Council session")
    COMMISSION = "commission", _("Commission meeting")
    OTHER = "other", _("Other")


class SessionType(models.TextChoices):
    """113-14 art. 33: three ordinary sessions a year, in the first week of
    February, May and October; art. 36: extraordinary sessions when needed."""

    ORDINARY = "ordinary", _("Ordinary session")
    EXTRAORDINARY = "extraordinary", _("Extraordinary session")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingQuerySet(PublishableQuerySet):
    def with_public_record(self):
        """Everything of a meeting that the public may read, prefetched.

        Internal follow-up actions and internal documents are for councillors, in
        the records area: the page, the API and the exports all read this one list.
        """
        return self.select_related("venue", "parent", "organizer").prefetch_related(
            models.Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related(
                    "speaker__person", "speaker__organization", "axis", "project"
                ),
            ),
            models.Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person", "organization"),
            ),
            "decisions",
            models.Prefetch(
                "follow_up_actions",
                queryset=FollowUpAction.objects.public().select_related(
                    "owner_person", "owner_organization"
                ),
            ),
            models.Prefetch("documents", queryset=Document.objects.public()),
            "photos",
            models.Prefetch(
                "press_coverage",
                queryset=PressCoverage.objects.select_related("outlet"),
            ),
            models.Prefetch("axes", queryset=Axis.objects.published()),
            models.Prefetch("projects", queryset=Project.objects.published()),
        )

    def upcoming(self):
        return self.filter(start__gte=timezone.now()).order_by("start")

    def past(self):
        return self.filter(Q(start__lt=timezone.now()) | Q(start__isnull=True))


class Meeting(SearchableModel, PublishableModel):
    """A meeting (OCD `Event`); a session that continued a meeting points to it."""

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=MeetingKind.choices,
        default=MeetingKind.CONSULTATION,
    )
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("continues the meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    start = models.DateTimeField(_("start"), null=True, blank=True, db_index=True)
    end = models.DateTimeField(_("end"), null=True, blank=True)
    date_text = models.CharField(
        _("when, as reported"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the sources say about the time when the exact date is unknown."
        ),
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MeetingStatus.choices,
        default=MeetingStatus.HELD,
    )
    organizer = models.ForeignKey(
        Organization,
        verbose_name=_("organizer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organized_meetings",
    )
    summary = models.TextField(_("summary"), blank=True)
    attendance_note = models.TextField(
        _("who attended, in general"),
        blank=True,
        help_text=_("Groups that attended without a list of names."),
    )
    minutes = models.TextField(_("minutes"), blank=True)
    axes = models.ManyToManyField(
        Axis, verbose_name=_("axes discussed"), blank=True, related_name="meetings"
    )
    projects = models.ManyToManyField(
        Project,
        verbose_name=_("projects discussed"),
        blank=True,
        related_name="meetings",
    )
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

    objects = MeetingQuerySet.as_manager()

    search_fields = ("title", "summary", "minutes", "attendance_note")
    search_kind = "meetings"
    search_related = ("venue",)
    search_snippet_fields = ("summary", "minutes", "attendance_note", "title")

    rich_text_fields = ("minutes",)

    class Meta:
        ordering = [models.F("start").desc(nulls_last=True), "title"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            ends_after_start("meeting"),
            models.CheckConstraint(
                condition=Q(headcount_women__isnull=True)
                | Q(headcount_total__gte=models.F("headcount_women")),
                name="meeting_headcount_women_within_total",
            ),
            models.CheckConstraint(
                condition=Q(session_type="") | Q(kind="council"),
                name="meeting_session_type_only_for_council",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("consultations:meeting_detail", kwargs={"slug": self.slug})

    @property
    def is_upcoming(self):
        return self.start is not None and self.start >= timezone.now()

    @property
    def decisions_are_public(self):
        """The council's decisions are published after the session (113-14 art. 48
        makes sessions public); before it is held only the agenda is shown."""
        return self.status == MeetingStatus.HELD and not self.is_upcoming

    def clean(self):
        errors = {}
        if self.session_type and self.kind != MeetingKind.COUNCIL:
            errors["session_type"] = _("Only a council session has a session type.")
        if self.headcount_women is not None and (
            self.headcount_total is None or self.headcount_women > self.headcount_total
        ):
            errors["headcount_women"] = _(
                "The number of women cannot be more than the number of attendees."
            )
        if errors:
            raise ValidationError(errors)

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


class Outcome(models.TextChoices):
    NONE = "", _("Not decided")
    ADOPTED = "adopted", _("Adopted")
    REJECTED = "rejected", _("Rejected")
    POSTPONED = "postponed", _("Postponed")


class AgendaItem(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    speaker = models.ForeignKey(
        "Participation",
        verbose_name=_("speaker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    # A council session's point and what the council decided on it (مقرر); a
    # point concerning a petition is linked from the petition (petitions app).
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

    rich_text_fields = ("description",)

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"], name="agenda_order_unique"
            ),
        ]

    @property
    def has_votes(self):
        return any(
            value is not None
            for value in (self.votes_for, self.votes_against, self.votes_abstaining)
        )

    def __str__(self):
        return self.title


class Attendance(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Absent, excused")
    ABSENT = "absent", _("Absent")


class ParticipationRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    ATTENDEE = "attendee", _("Attendee")
    FACILITATOR = "facilitator", _("Facilitator")
    ORGANIZER = "organizer", _("Organizer")


class Participation(TimeStampedModel):
    """Who took part in a meeting and in which capacity (OCD `EventParticipant`)."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        help_text=_(
            "The body they represented, or the body itself when no name is known."
        ),
    )
    role = models.CharField(_("role title at the meeting"), max_length=500, blank=True)
    participation_role = models.CharField(
        _("took part as"),
        max_length=20,
        choices=ParticipationRole.choices,
        default=ParticipationRole.ATTENDEE,
    )
    spoke = models.BooleanField(_("spoke"), default=False)
    attendance = models.CharField(
        _("attendance"),
        max_length=10,
        choices=Attendance.choices,
        default=Attendance.PRESENT,
        help_text=_(
            "Councillors' attendance of a council session is public; record the "
            "absent ones too."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(organization__isnull=False),
                name="participation_has_person_or_organization",
            ),
        ]

    def __str__(self):
        who = self.person or self.organization
        return f"{who} — {self.role}" if self.role else str(who)


class Decision(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"), blank=True)

    rich_text_fields = ("text",)

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return self.title


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


# What still has to be done; the other statuses are closed.
OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class FollowUpActionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def open(self):
        return self.filter(status__in=OPEN_ACTION_STATUSES)

    def overdue(self):
        return self.open().filter(due_date__lt=timezone.localdate())


class FollowUpAction(TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="follow_up_actions",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_up_actions",
    )
    title = models.CharField(_("title"), max_length=500)
    owner_person = models.ForeignKey(
        Person,
        verbose_name=_("owner (person)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_up_actions",
    )
    owner_organization = models.ForeignKey(
        Organization,
        verbose_name=_("owner (organization)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_up_actions",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.OPEN,
    )
    is_public = models.BooleanField(_("public"), default=True)

    objects = FollowUpActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self):
        return self.title

    @property
    def is_overdue(self):
        return (
            self.due_date is not None
            and self.due_date < timezone.localdate()
            and self.status in OPEN_ACTION_STATUSES
        )
