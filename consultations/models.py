"""Meetings and the people in them; names follow Open Civic Data and Popolo.

People, organizations and venues are in people.py, documents, photos and press in
media.py, decisions and follow-up actions in decisions.py: models of this app all
the same.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import (
    FollowsParentQuerySet,
    PublishableModel,
    PublishableQuerySet,
    SearchableModel,
    TimeStampedModel,
)
from projects.models import Axis, Project

from .decisions import (  # noqa: F401 - the app's models, importable from here
    OPEN_ACTION_STATUSES,
    ActionStatus,
    Decision,
    FollowUpAction,
)
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
from .searchable import MeetingPartModel, refresh_search_documents
from .sessions import (  # noqa: F401 - the app's models, importable from here
    AgendaDecision,
    Attendance,
    CouncilSession,
    Outcome,
    SessionType,
)


class MeetingKind(models.TextChoices):
    CONSULTATION = "consultation", _("Consultative meeting")
    SESSION = "session", _("Thematic session")
    COUNCIL = "council", _("Council session")
    COMMISSION = "commission", _("Commission meeting")
    OTHER = "other", _("Other")


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

    def upcoming_or_undated(self):
        """Upcoming meetings, then those whose date is still to be confirmed.

        A meeting without a date is not taken for a past one: its date is unknown.
        """
        undated_last = Case(When(start__isnull=True, then=Value(1)), default=Value(0))
        # Sorted on an expression, not along the start index: the planner took the
        # index's order for the limit's sake and read every past meeting before the
        # few upcoming ones (10 ms among 2,500 meetings; sorting them: 0.2 ms).
        return self.filter(
            Q(start__gte=timezone.now()) | Q(start__isnull=True)
        ).order_by(undated_last, "start", "-id")

    def past(self):
        """Held meetings, the latest first."""
        return self.filter(start__lt=timezone.now()).order_by("-start", "-id")


class Meeting(CouncilSession, SearchableModel, PublishableModel):
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

    objects = MeetingQuerySet.as_manager()

    search_fields = ("title", "summary", "minutes", "attendance_note")
    search_kind = "meetings"
    search_order = 40
    search_related = ("venue", "parent")
    search_snippet_fields = ("summary", "minutes", "attendance_note", "title")
    search_recent = ("start",)

    rich_text_fields = ("minutes",)

    class Meta:
        # The key last: meetings that share a start and a title keep one order
        # from page to page and in the exports.
        ordering = [models.F("start").desc(nulls_last=True), "title", "id"]
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

    def search_parent(self):
        return self.parent

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


class AgendaItem(AgendaDecision, MeetingPartModel, TimeStampedModel):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    publication_parents = ("meeting",)
    objects = FollowsParentQuerySet.as_manager()
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

    search_fields = ("title", "description")
    search_kind = "agenda"
    meeting_section = "agenda-title"
    search_order = 50
    search_snippet_fields = ("description", "title")

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

    def __str__(self):
        return self.title


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
    publication_parents = ("meeting",)
    objects = FollowsParentQuerySet.as_manager()
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

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        refresh_search_documents(self.person, self.organization)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        refresh_search_documents(self.person, self.organization)
        return result
