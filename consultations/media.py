"""What a meeting leaves behind: its documents, photos and press coverage."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import FollowsParentQuerySet, TimeStampedModel
from core.uploads import PDFField, SafeImageField

from .people import Organization
from .searchable import MeetingPartModel


class DocumentKind(models.TextChoices):
    MINUTES = "minutes", _("Minutes")
    PRESENTATION = "presentation", _("Presentation")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class DocumentQuerySet(FollowsParentQuerySet):
    def public(self):
        return self.filter(is_public=True)


class Document(MeetingPartModel, TimeStampedModel):
    meeting = models.ForeignKey(
        "Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    publication_parents = ("meeting",)
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=DocumentKind.choices,
        default=DocumentKind.OTHER,
    )
    file = PDFField(_("PDF file"), upload_to="documents/")
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Internal documents are shown to councillors only."),
    )

    objects = DocumentQuerySet.as_manager()

    search_fields = ("title",)
    search_kind = "documents"
    search_order = 80
    search_snippet_fields = ("title",)

    class Meta:
        ordering = ["meeting", "kind", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # Through the view that checks who asks, never the file's storage address.
        return reverse("records:document", kwargs={"pk": self.pk})

    @classmethod
    def search_public(cls):
        return super().search_public().filter(is_public=True)


class Photo(TimeStampedModel):
    meeting = models.ForeignKey(
        "Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    publication_parents = ("meeting",)
    objects = FollowsParentQuerySet.as_manager()
    image = SafeImageField(_("image"), upload_to="photos/")
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    alt_text = models.CharField(
        _("text alternative"),
        max_length=255,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.alt_text


class PressCoverage(TimeStampedModel):
    meeting = models.ForeignKey(
        "Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="press_coverage",
    )
    publication_parents = ("meeting",)
    objects = FollowsParentQuerySet.as_manager()
    outlet = models.ForeignKey(
        Organization,
        verbose_name=_("outlet"),
        on_delete=models.PROTECT,
        related_name="press_coverage",
    )
    title = models.CharField(_("headline"), max_length=500, blank=True)
    byline = models.CharField(_("byline"), max_length=255, blank=True)
    url = models.URLField(_("address"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    language = models.CharField(
        _("language of the article"), max_length=10, default="ar"
    )
    text = models.TextField(
        _("full text"),
        blank=True,
        help_text=_("The article as published, kept as the source of record."),
    )

    class Meta:
        ordering = ["meeting", "-date", "id"]
        verbose_name = _("press coverage")
        verbose_name_plural = _("press coverage")

    def __str__(self):
        return self.title or str(self.outlet)

    def get_absolute_url(self):
        return self.url or self.meeting.get_absolute_url()
