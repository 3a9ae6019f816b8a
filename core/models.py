"""Abstract bases that every app's content models share."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .text import normalize


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # Fields staff write as rich text: sanitised on every save (core/sanitize.py).
    rich_text_fields = ()

    class Meta:
        abstract = True


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(publication_status=PublicationStatus.PUBLISHED)

    def awaiting_review(self):
        return self.filter(publication_status=PublicationStatus.REVIEW)


class PublishableModel(TimeStampedModel):
    """A record that anonymous visitors see only once a publisher has published it."""

    publication_status = models.CharField(
        _("publication status"),
        max_length=12,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    review_note = models.TextField(
        _("review note"),
        blank=True,
        help_text=_("Why a publisher sent this back to its editor."),
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last edited by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Optimistic locking: the admin refuses a save made from a stale copy of the record.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        self._stored_publication_status = self.publication_status

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_publication_status = instance.__dict__.get(
            "publication_status"
        )
        return instance

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using, fields, from_queryset)
        if fields is None or "publication_status" in fields:
            self._stored_publication_status = self.publication_status

    @property
    def is_published(self):
        return self.publication_status == PublicationStatus.PUBLISHED

    @property
    def was_published(self):
        """Published as last read from the database (before a save in progress)."""
        stored = getattr(self, "_stored_publication_status", None)
        return stored == PublicationStatus.PUBLISHED


class SearchableModel(models.Model):
    """Keeps a normalised copy of the model's text in every language for search."""

    search_text = models.TextField(_("search text"), blank=True, editable=False)

    # Fields whose text, in every language, is searched.
    search_fields = ()
    # The search page's name for this kind of record (its `?kind=`), the relations a
    # result shows, and the fields an extract is taken from, best first.
    search_kind = ""
    search_related = ()
    search_snippet_fields = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self):
        parts = []
        for name in self.search_fields:
            for code, _label in settings.LANGUAGES:
                value = getattr(self, f"{name}_{code}", None)
                if value is None:
                    value = getattr(self, name, "") if code == "ar" else ""
                if value:
                    parts.append(str(value))
        return normalize(strip_tags(" ".join(dict.fromkeys(parts))))


class Role(models.Model):
    """Holds the portal-wide permissions that belong to no one model (no table)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("publish_content", _("Can publish, unpublish and send back content")),
            ("view_records", _("Can read the councillors' records area")),
        ]
        verbose_name = _("role")

    def __str__(self):
        return str(self._meta.verbose_name)


def translated_columns(*names):
    """A translated field's own column and its column in every language, for
    `only()` and `defer()` (django-modeltranslation keeps one column per language)."""
    return [
        column
        for name in names
        for column in (name, *(f"{name}_{code}" for code, _name in settings.LANGUAGES))
    ]
