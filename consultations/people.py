"""Places, organizations, people and their roles (Popolo's names)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from core.search import field_texts

from .searchable import TakesPartInMeetings, refresh_search_documents


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


class Organization(TakesPartInMeetings, TimeStampedModel):
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

    search_fields = ("name", "description", "parent.name")
    search_title_fields = ("name",)
    search_kind = "organizations"
    search_order = 30
    search_related = ("parent",)
    search_snippet_fields = ("description", "name")

    rich_text_fields = ("description",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name

    def search_texts(self):
        # The roles given at meetings to the body itself ("ممثل هيئة المساواة").
        roles = []
        if self.pk:
            for participation in self.participations.filter(person__isnull=True):
                roles += field_texts(participation, ("role",))
        return [*super().search_texts(), *roles]


class Gender(models.TextChoices):
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    UNKNOWN = "", _("Not recorded")


class Person(TakesPartInMeetings, TimeStampedModel):
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

    search_fields = ("name", "honorific")
    search_title_fields = ("name",)
    search_kind = "people"
    search_order = 20
    search_snippet_fields = ("name",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    @classmethod
    def search_prefetch(cls):
        return (
            models.Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("organization"),
            ),
            *super().search_prefetch(),
        )

    def search_texts(self):
        # A person is found by their roles and their bodies' names ("مفتي", "نائب
        # رئيس الجماعة").
        roles = []
        if self.pk:
            for membership in self.memberships.select_related("organization"):
                roles += field_texts(membership, ("role", "organization.name"))
            for participation in self.participations.select_related("organization"):
                roles += field_texts(participation, ("role", "organization.name"))
        return [*super().search_texts(), *dict.fromkeys(roles)]

    def search_details(self):
        roles = [f"{m.role} — {m.organization}" for m in self.memberships.all()]
        if not roles:
            roles = [p.role for p in self.public_participations if p.role]
        return list(dict.fromkeys(roles))


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

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        refresh_search_documents(self.person)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        refresh_search_documents(self.person)
        return result
