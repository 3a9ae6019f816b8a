"""Places, organizations, people and their roles (Popolo's names)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


def ends_after_start(prefix, start="start", end="end"):
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__gte": models.F(start)}),
        name=f"{prefix}_ends_after_start",
    )


class Venue(TimeStampedModel):
    name = models.CharField(_("name"), max_length=255)
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return self.name


class OrganizationKind(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    COMMUNE_BODY = "commune_body", _("Body of the commune")
    ADMINISTRATION = "administration", _("Administration")
    ASSOCIATION = "association", _("Association")
    PRESS = "press", _("Press outlet")
    OTHER = "other", _("Other")


class Organization(TimeStampedModel):
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganizationKind.choices, db_index=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)

    rich_text_fields = ("description",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name


class Gender(models.TextChoices):
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    UNKNOWN = "", _("Not recorded")


class Person(TimeStampedModel):
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    honorific = models.CharField(_("honorific"), max_length=40, blank=True)
    gender = models.CharField(
        _("gender"),
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text=_("Recorded for the equality commission's attendance counts."),
    )
    organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("organizations"),
        through="Membership",
        related_name="people",
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class Membership(TimeStampedModel):
    """A person's role in an organization over a period (Popolo `Membership`)."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role title"), max_length=500)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        ordering = ["person", "organization", "-start_date"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            ends_after_start("membership", "start_date", "end_date"),
            models.UniqueConstraint(
                fields=["person", "organization", "role"], name="membership_unique_role"
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.role}"
