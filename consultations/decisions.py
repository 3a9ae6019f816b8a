"""A meeting's decisions and the actions that follow them up, with who owns each and
by when. Models of this app all the same (models.py imports them)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import FollowsParentQuerySet, TimeStampedModel

from .people import Organization, Person
from .searchable import MeetingPartModel


class Decision(MeetingPartModel, TimeStampedModel):
    meeting = models.ForeignKey(
        "Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    publication_parents = ("meeting",)
    objects = FollowsParentQuerySet.as_manager()
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"), blank=True)

    search_fields = ("title", "text")
    search_kind = "decisions"
    meeting_section = "decisions-title"
    search_order = 60
    search_snippet_fields = ("text", "title")

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


class FollowUpActionQuerySet(FollowsParentQuerySet):
    def public(self):
        return self.filter(is_public=True)

    def open(self):
        return self.filter(status__in=OPEN_ACTION_STATUSES)

    def overdue(self):
        return self.open().filter(due_date__lt=timezone.localdate())


class FollowUpAction(MeetingPartModel, TimeStampedModel):
    meeting = models.ForeignKey(
        "Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="follow_up_actions",
    )
    publication_parents = ("meeting",)
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

    search_fields = ("title", "decision.title")
    search_kind = "actions"
    meeting_section = "actions-title"
    search_order = 70
    search_related = ("meeting", "decision")
    search_snippet_fields = ("title", "decision.title")

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self):
        return self.title

    @classmethod
    def search_public(cls):
        return super().search_public().filter(is_public=True)

    @property
    def is_overdue(self):
        return (
            self.due_date is not None
            and self.due_date < timezone.localdate()
            and self.status in OPEN_ACTION_STATUSES
        )
