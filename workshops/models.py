from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations.models import Meeting, Organization
from core.models import (
    PublicationStatus,
    PublishableModel,
    PublishableQuerySet,
    SearchableModel,
    YearCounter,
)
from core.personal_data import PersonalDataModel
from projects.models import Axis, Project

from .references import (
    REFERENCE_PREFIX,
    fingerprint_text,
    parse_reference,
)


class Workshop(SearchableModel, PublishableModel):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="workshops",
    )
    axis = models.ForeignKey(
        Axis,
        verbose_name=_("axis"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workshops",
    )
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    facilitators = models.ManyToManyField(
        Organization,
        verbose_name=_("facilitating organizations"),
        blank=True,
        related_name="facilitated_workshops",
    )
    facilitators_note = models.CharField(
        _("facilitated by, as reported"),
        max_length=500,
        blank=True,
        help_text=_("Who led the workshop when the organizations are not named."),
    )
    summary = models.TextField(_("summary"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    projects = models.ManyToManyField(
        Project,
        verbose_name=_("projects discussed"),
        blank=True,
        related_name="workshops",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = ("title", "summary", "outcomes", "facilitators_note")
    search_kind = "workshops"
    search_order = 90
    search_related = ("axis", "meeting")
    search_snippet_fields = ("summary", "outcomes", "facilitators_note", "title")
    search_recent = ("meeting__start",)

    rich_text_fields = ("outcomes",)

    class Meta:
        ordering = ["meeting", "order", "title"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workshops:workshop_detail", kwargs={"slug": self.slug})

    def search_parent(self):
        # A workshop was held at a meeting; its title already names its axis.
        if self.meeting_id and self.meeting.is_published:
            return self.meeting
        return None


class ProposalSource(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    ONLINE = "online", _("Online form")


class ProposalStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    UNDER_STUDY = "under_study", _("Under study")
    ACCEPTED = "accepted", _("Accepted")
    MERGED = "merged", _("Merged")
    DECLINED = "declined", _("Declined")


class ProposalQuerySet(PublishableQuerySet):
    def answered(self):
        return self.exclude(status=ProposalStatus.RECEIVED)

    def counts_by_axis(self):
        """Received, answered and turned-into-project counts per axis, in one query."""
        return (
            self.order_by()
            .values("axis")
            .annotate(
                # Counted on columns of the index `proposal_published_figures`,
                # which then answers alone.
                received=Count("*"),
                answered=Count("status", filter=~Q(status=ProposalStatus.RECEIVED)),
                became_projects=Count(
                    "project",
                    filter=Q(project__in=Project.objects.published().values("pk")),
                ),
            )
        )

    def last_reference_number(self, year):
        prefix = f"{REFERENCE_PREFIX}-{year}-"
        # Longest first: KNT-2026-10000 comes after KNT-2026-9999.
        last = (
            self.filter(reference__startswith=prefix)
            .order_by(Length("reference").desc(), "-reference")
            .values_list("reference", flat=True)
            .first()
        )
        return int(last.removeprefix(prefix)) if last else 0


class Proposal(SearchableModel, PublishableModel, PersonalDataModel):
    """A citizen's or a workshop's proposal; the submitter's details are never public."""

    reference = models.CharField(
        _("reference"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        editable=False,
    )
    axis = models.ForeignKey(
        Axis, verbose_name=_("axis"), on_delete=models.PROTECT, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("proposal"))
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="ar",
        help_text=_("The language the citizen wrote in; emails to them use it."),
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=ProposalSource.choices,
        default=ProposalSource.ONLINE,
    )
    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("workshop"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    carried_by = models.ForeignKey(
        Organization,
        verbose_name=_("carried by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        help_text=_("The association that brought the proposal from a workshop."),
    )
    # Personal data under law 09-08: never shown publicly, never in the API or exports.
    submitter_name = models.CharField(_("submitter's name"), max_length=200, blank=True)
    submitter_association = models.CharField(
        _("submitter's association"), max_length=200, blank=True
    )
    submitter_email = models.EmailField(_("submitter's email"), blank=True)
    submitter_phone = models.CharField(
        _("submitter's phone"), max_length=30, blank=True
    )
    submitter_ip = models.GenericIPAddressField(
        _("submitter's IP address"), null=True, blank=True
    )
    consent_given_at = models.DateTimeField(
        _("consent given at"), null=True, blank=True
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.RECEIVED,
        db_index=True,
    )
    public_answer = models.TextField(_("public answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    project = models.ForeignKey(
        Project,
        verbose_name=_("became the project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_proposals",
    )

    # The last status its author was told of, so that each is told once.
    notified_status = models.CharField(
        _("status the author was told of"),
        max_length=20,
        choices=ProposalStatus.choices,
        blank=True,
        editable=False,
    )

    text_fingerprint = models.CharField(
        _("text fingerprint"), max_length=64, blank=True, editable=False, db_index=True
    )

    objects = ProposalQuerySet.as_manager()

    # The reference as the follow page accepts it: "knt 2026 0001" finds it.
    search_fields = ("reference", "title", "text", "public_answer")
    search_kind = "proposals"
    search_order = 100
    search_related = ("axis",)
    search_snippet_fields = ("text", "public_answer", "title")
    # Law 09-08, erased PERSONAL_DATA_RETENTION_DAYS after it arrived (core/personal_data.py).
    personal_data_fields = (
        "submitter_name",
        "submitter_association",
        "submitter_email",
        "submitter_phone",
        "submitter_ip",
    )
    retention_starts = "created_at"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        # The admin and the API list newest first, the public list by axis, newest
        # first: each reads its page along an index instead of sorting every row.
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="proposal_newest"),
            models.Index(
                fields=["axis", "-created_at", "-id"], name="proposal_axis_newest"
            ),
            # The figures above the public list (counts_by_axis), read from the
            # index alone rather than from every proposal's row.
            models.Index(
                fields=["axis", "status", "project"],
                condition=Q(publication_status=PublicationStatus.PUBLISHED),
                name="proposal_published_figures",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=ProposalSource.WORKSHOP)
                | Q(workshop__isnull=False),
                name="workshop_proposal_has_workshop",
            ),
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.MERGED)
                | Q(project__isnull=False)
                | Q(merged_into__isnull=False),
                name="merged_proposal_says_into_what",
            ),
        ]

    def __str__(self):
        return self.reference or self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The status as stored, to tell on save whether it changed.
        if "status" in field_names:
            instance._stored_status = values[field_names.index("status")]
        return instance

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using, fields, from_queryset)
        if fields is None or "status" in fields:
            self._stored_status = self.status

    def save(self, *args, **kwargs):
        self.text_fingerprint = fingerprint_text(self.text)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "text_fingerprint"}
        adding = self._state.adding
        previous = "" if adding else self._previous_status()
        if self.reference:
            super().save(*args, **kwargs)
        else:
            self._save_with_new_reference(*args, **kwargs)
        self._stored_status = self.status
        if previous != self.status:
            # Whatever changed it (the admin, a workshop's inline, an action, a
            # service), every change of status leaves a dated row; services.py
            # tells the author when the row is written.
            self._record_status_change(previous)

    def _record_status_change(self, from_status):
        change = ProposalStatusChange.objects.create(
            proposal=self,
            from_status=from_status,
            to_status=self.status,
            changed_by=self.last_edited_by,
            note=getattr(self, "status_note", ""),
        )
        if self.is_answered and self.answered_at is None:
            self.answered_at = change.changed_at
            super().save(update_fields=["answered_at"])

    def _previous_status(self):
        if hasattr(self, "_stored_status"):
            return self._stored_status
        return (
            Proposal.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        ) or ""

    def _save_with_new_reference(self, *args, **kwargs):
        with transaction.atomic():
            year = timezone.localdate().year
            # Two proposals sent in the same instant wait for each other on the
            # year's counter instead of taking the same number. References given
            # without the counter (demo data, an import) are skipped.
            number = YearCounter.take_next(
                "proposals",
                year,
                at_least=Proposal.objects.last_reference_number(year) + 1,
            )
            self.reference = f"{REFERENCE_PREFIX}-{year}-{number:04d}"
            try:
                super().save(*args, **kwargs)
            except BaseException:
                self.reference = None
                raise

    def get_absolute_url(self):
        return reverse("workshops:proposal_detail", kwargs={"pk": self.pk})

    @classmethod
    def search_exact(cls, q):
        reference = parse_reference(q)
        if reference is None:
            return None
        return cls.objects.published().filter(reference=reference).first()

    def search_parent(self):
        return self.axis

    @property
    def is_answered(self):
        return self.status != ProposalStatus.RECEIVED


class ProposalStatusChange(models.Model):
    """One dated step in a proposal's moderation, shown on its public page."""

    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=ProposalStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=ProposalStatus.choices)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(
        _("internal note"), blank=True, help_text=_("Seen by staff only.")
    )

    class Meta:
        ordering = ["proposal", "changed_at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.proposal}: {self.get_to_status_display()}"
