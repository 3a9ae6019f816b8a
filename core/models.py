"""Abstract bases that every app's content models share."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .search import SearchDocumentField, document, field_texts


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
    """A record the site's search finds: it keeps its search document up to date.

    A model says what it is searched by (`search_fields`, its title in
    `search_title_fields`) and, when the search page lists it as a kind of its
    own, the kind's `search_kind`, its place on the page (`search_order`), what to
    fetch with it (`search_related`, `search_prefetch`), the fields an extract is
    taken from (`search_snippet_fields`) and the dates that rank recent first.
    """

    search_document = SearchDocumentField(
        _("search document"), blank=True, default="", editable=False
    )

    search_fields = ()
    search_title_fields = ("title",)
    search_kind = ""
    search_order = 100
    search_related = ()
    search_snippet_fields = ()
    search_recent = ("published_at",)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_document = self.build_search_document()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_document"}
        super().save(*args, **kwargs)

    def search_texts(self):
        """Every text the record is found by; a model may add related records'."""
        return field_texts(self, self.search_fields)

    def build_search_document(self):
        return document(
            " ".join(self.search_texts()),
            " ".join(field_texts(self, self.search_title_fields)),
        )

    @classmethod
    def search_public(cls):
        """The records anyone may find."""
        return cls._default_manager.published()

    @classmethod
    def search_prefetch(cls):
        """What a page of results fetches with them (Prefetch objects or names)."""
        return ()

    @classmethod
    def search_exact(cls, q):
        """The one public record that `q` names exactly (a reference), or None."""
        return None

    def search_parent(self):
        """What the record belongs to (a meeting, a project), to name in a result."""
        return None

    def search_details(self):
        """Short facts that say what the record is (a person's roles)."""
        return ()


def unsearched_history_fields(model):
    """Fields that change history does not copy: the search document is derived."""
    return ["search_document"] if issubclass(model, SearchableModel) else []


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
