"""The public register of petitions received by the council (113-14 art. 121–125:
121 the right and its object, 122 definitions (the agent), 123 citizens'
conditions, 124 associations' conditions, 125 filing, the bureau and its deadline).

A petition's signatories are never stored: the register keeps their number. The
petition's agent (الوكيل, art. 122) is the one person the commune writes to; their
name and contact are personal data under law 09-08, kept for staff only and left
out of the pages, the API, the exports, the search text and the change history,
and erased after the retention period (core/personal_data.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.models import AgendaItem, Organization
from core.models import (
    PublishableModel,
    PublishableQuerySet,
    SearchableModel,
)
from core.personal_data import PersonalDataModel

from . import law


class FilerKind(models.TextChoices):
    CITIZENS = "citizens", _("A group of citizens")
    ASSOCIATION = "association", _("An association")


class Channel(models.TextChoices):
    PORTAL = "portal", _("The national e-participation portal")
    PAPER = "paper", _("On paper, with the council's president")


class BureauDecision(models.TextChoices):
    PENDING = "pending", _("Awaiting the bureau's decision")
    ADMISSIBLE = "admissible", _("Admissible")
    REFUSED = "refused", _("Refused")


class DeadlineStatus(models.TextChoices):
    PENDING = "pending", _("Within the deadline, not yet decided")
    MET = "met", _("Decided within the deadline")
    MISSED = "missed", _("Decided after the deadline")
    OVERDUE = "overdue", _("Overdue: no decision and the deadline has passed")


class PetitionQuerySet(PublishableQuerySet):
    def counts_by_year(self):
        """Per year of receipt: received, admissible, refused, decided by the
        council, deadline missed (decided late or still overdue), in one query."""
        today = timezone.localdate()
        late = Q(decision_date__gt=models.F("decision_deadline")) | Q(
            decision_date__isnull=True, decision_deadline__lt=today
        )
        return (
            self.order_by()
            .annotate(year=ExtractYear("received_on"))
            .values("year")
            .annotate(
                received=Count("id"),
                admissible=Count(
                    "id", filter=Q(bureau_decision=BureauDecision.ADMISSIBLE)
                ),
                refused=Count("id", filter=Q(bureau_decision=BureauDecision.REFUSED)),
                decided=Count(
                    "id",
                    filter=Q(agenda_item__isnull=False) & ~Q(agenda_item__outcome=""),
                ),
                deadline_missed=Count("id", filter=late),
            )
            .order_by("-year")
        )


class Petition(SearchableModel, PublishableModel, PersonalDataModel):
    title = models.CharField(
        _("subject"),
        max_length=300,
        help_text=_(
            "The point the petitioners ask the council to put on its agenda "
            "(113-14 art. 121)."
        ),
    )
    summary = models.TextField(_("what it asks"), blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=60,
        blank=True,
        help_text=_(
            "The number the council's office or the national portal gave it, if any."
        ),
    )
    channel = models.CharField(
        _("received through"),
        max_length=20,
        choices=Channel.choices,
        default=Channel.PAPER,
        help_text=_(
            "Petitions are filed with the council's president on paper or online "
            "through eparticipation.ma (113-14 art. 125; decree 2.16.403)."
        ),
    )
    filer_kind = models.CharField(
        _("filed by"), max_length=20, choices=FilerKind.choices
    )
    association = models.ForeignKey(
        Organization,
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
        help_text=_(
            "Only for a petition filed by an association (113-14 art. 124). "
            "Citizens' petitions are shown as filed by a group of citizens, "
            "without names."
        ),
    )
    received_on = models.DateField(_("date received"))
    signature_count = models.PositiveIntegerField(
        _("number of signatures"),
        help_text=_(
            "The number only: the signatories' names are never stored. 113-14 "
            "art. 123 sets the minimum (the PETITION_MIN_SIGNATURES setting)."
        ),
    )
    bureau_decision = models.CharField(
        _("the bureau's decision"),
        max_length=20,
        choices=BureauDecision.choices,
        default=BureauDecision.PENDING,
        db_index=True,
        help_text=_(
            "The council's bureau checks the petition against the conditions "
            "(113-14 art. 125)."
        ),
    )
    decision_date = models.DateField(
        _("date of the bureau's decision"), null=True, blank=True
    )
    decision_reasons = models.TextField(
        _("reasons of the decision"),
        blank=True,
        help_text=_("A refusal must give its reasons (113-14 art. 125)."),
    )
    decision_deadline = models.DateField(
        _("deadline for the bureau's decision"),
        editable=False,
        help_text=_(
            "Three months after receipt for a commune (113-14 art. 125; the "
            "PETITION_DECISION_MONTHS setting)."
        ),
    )
    commission = models.ForeignKey(
        Organization,
        verbose_name=_("commission"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referred_petitions",
        help_text=_(
            "The permanent commission an admissible petition was referred to "
            "(113-14 art. 125)."
        ),
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda point"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="petitions",
        help_text=_(
            "The point of the council session where it was examined: the next "
            "ordinary session after it was found admissible (113-14 art. 125). "
            "The point's outcome is the council's decision."
        ),
    )
    # Personal data under law 09-08: staff only.
    agent_name = models.CharField(
        _("agent's name"),
        max_length=200,
        blank=True,
        help_text=_("Never published (law 09-08)."),
    )
    agent_contact = models.CharField(
        _("agent's contact"),
        max_length=200,
        blank=True,
        help_text=_(
            "Address, phone or e-mail to notify the decision. Never published "
            "(law 09-08)."
        ),
    )

    objects = PetitionQuerySet.as_manager()

    search_fields = ("title", "summary", "decision_reasons", "reference")
    search_kind = "petitions"
    search_order = 95
    search_related = ("association",)
    search_recent = ("received_on",)
    search_snippet_fields = ("summary", "decision_reasons", "title")
    # Law 09-08, erased PERSONAL_DATA_RETENTION_DAYS after receipt, like proposals'
    # submitters' (core/personal_data.py); the petition stays in the register.
    personal_data_fields = ("agent_name", "agent_contact")
    retention_starts = "received_on"

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        constraints = [
            models.CheckConstraint(
                condition=Q(filer_kind=FilerKind.CITIZENS, association__isnull=True)
                | Q(filer_kind=FilerKind.ASSOCIATION, association__isnull=False),
                name="petition_association_iff_filed_by_one",
            ),
            models.CheckConstraint(
                condition=Q(bureau_decision=BureauDecision.PENDING)
                | Q(decision_date__isnull=False),
                name="petition_decision_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(bureau_decision=BureauDecision.REFUSED)
                | ~Q(decision_reasons=""),
                name="petition_refusal_has_reasons",
            ),
            models.CheckConstraint(
                condition=Q(decision_date__isnull=True)
                | Q(decision_date__gte=models.F("received_on")),
                name="petition_decided_after_receipt",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("petitions:petition_detail", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        if self.filer_kind == FilerKind.ASSOCIATION and self.association_id is None:
            errors["association"] = _("Name the association that filed it.")
        if self.filer_kind == FilerKind.CITIZENS and self.association_id is not None:
            errors["association"] = _(
                "A petition of citizens has no association; choose “An association” "
                "as the filer, or leave this empty."
            )
        if self.bureau_decision != BureauDecision.PENDING and not self.decision_date:
            errors["decision_date"] = _("Give the date of the bureau's decision.")
        if (
            self.bureau_decision == BureauDecision.REFUSED
            and not (self.decision_reasons or "").strip()
        ):
            errors["decision_reasons"] = _(
                "A refusal must give its reasons (113-14 art. 125)."
            )
        if (
            self.decision_date
            and self.received_on
            and self.decision_date < self.received_on
        ):
            errors["decision_date"] = _("The decision cannot precede the receipt.")
        if self.agenda_item_id and self.bureau_decision != BureauDecision.ADMISSIBLE:
            errors["agenda_item"] = _(
                "Only an admissible petition goes on the council's agenda."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.decision_deadline = law.decision_deadline(self.received_on)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "decision_deadline"}
        super().save(*args, **kwargs)

    @property
    def filer_display(self):
        if self.filer_kind == FilerKind.ASSOCIATION and self.association:
            return self.association.name
        return FilerKind.CITIZENS.label

    @property
    def deadline_status(self):
        if self.decision_date:
            if self.decision_date <= self.decision_deadline:
                return DeadlineStatus.MET
            return DeadlineStatus.MISSED
        if timezone.localdate() > self.decision_deadline:
            return DeadlineStatus.OVERDUE
        return DeadlineStatus.PENDING
