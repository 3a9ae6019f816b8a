"""Abstract bases that every app's content models share."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .search import SearchDocumentField, document, field_texts
from .status import PublicationStatus


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # Fields staff write as rich text: sanitised on every save (core/sanitize.py).
    rich_text_fields = ()

    class Meta:
        abstract = True


def parents_published(model, prefix=""):
    """The condition that every parent a model declares is published, recursively.

    A model names in `publication_parents` the foreign keys to the records it is
    shown with (a milestone's project, a document's meeting); it is public only
    where they are. A nullable parent that is not set does not hide it.
    """
    condition = models.Q()
    for name in getattr(model, "publication_parents", ()):
        field = model._meta.get_field(name)
        parent = field.related_model
        here = models.Q(
            **{f"{prefix}{name}__publication_status": PublicationStatus.PUBLISHED}
        ) & parents_published(parent, f"{prefix}{name}__")
        if field.null:
            here = models.Q(**{f"{prefix}{name}__isnull": True}) | here
        condition &= here
    return condition


def publication_parent_objects(obj):
    """The parent records `obj` is shown with, those that are set."""
    parents = []
    for name in getattr(type(obj), "publication_parents", ()):
        parent = getattr(obj, name, None)
        if parent is not None:
            parents.append(parent)
    return parents


class FollowsParentQuerySet(models.QuerySet):
    """For records without a state of their own: public where their parents are."""

    def published(self):
        return self.filter(parents_published(self.model))


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            models.Q(publication_status=PublicationStatus.PUBLISHED)
            & parents_published(self.model)
        )

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
    def search_unshown(cls):
        """The long texts (of the record and of its `search_related`) that a result
        does not show: a page of results does not read them. A meeting's minutes,
        in every language, would otherwise travel with each of its agenda items.
        """
        shown = {
            path.replace(".", "__")
            for path in (*cls.search_snippet_fields, *cls.search_title_fields)
        }
        return [
            *unshown_texts(cls, shown=shown),
            *(
                text
                for path in cls.search_related
                for text in unshown_texts(
                    cls._meta.get_field(path).related_model, f"{path}__", shown
                )
            ),
        ]

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


def unshown_texts(model, prefix="", shown=()):
    """`model`'s long texts, as paths from `prefix`, but those in `shown`: what a
    list that names a record need not read."""
    return [
        prefix + field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.TextField)
        # A language's column (title_fr) is shown when its field (title) is.
        and prefix + getattr(field, "translated_field", field).name not in shown
    ]


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


class RevisionState(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    SENT_BACK = "sent_back", _("Sent back with a comment")
    APPROVED = "approved", _("Approved")


OPEN_REVISION_STATES = (RevisionState.PENDING, RevisionState.SENT_BACK)


class RevisionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_REVISION_STATES)

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(
                obj, for_concrete_model=False
            ),
            object_id=obj.pk,
        )


class Revision(models.Model):
    """An editor's change to a published record, kept until a publisher approves it.

    It holds the record's admin form as the editor sent it (every language of every
    translated field, and every inline row), so the live row and its children stay
    as published until a publisher saves the same form (kenitra_portal/revisions.py).
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    content_object = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(_("submitted form"), default=dict)
    base_version = models.PositiveIntegerField(_("version it was made from"))
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=RevisionState.choices,
        default=RevisionState.PENDING,
        db_index=True,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(state__in=OPEN_REVISION_STATES),
                name="one_open_revision_per_record",
            ),
        ]

    def __str__(self):
        return str(self.content_object or self.object_id)

    @property
    def is_open(self):
        return self.state in OPEN_REVISION_STATES


class RevisionFile(models.Model):
    """A file uploaded with a revision, kept in the database: it is not public yet."""

    revision = models.ForeignKey(
        Revision,
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    field = models.CharField(_("form field"), max_length=200)
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    content = models.BinaryField(_("content"))

    class Meta:
        ordering = ["revision", "field"]
        verbose_name = _("revision file")
        verbose_name_plural = _("revision files")
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "field"], name="one_file_per_revision_field"
            ),
        ]

    def __str__(self):
        return self.name


class RateCounter(models.Model):
    """Requests counted in one window for one limit and one client (core/ratelimit.py).

    Used when no Redis is shared by the workers, or while it does not answer.
    """

    key = models.CharField(_("key"), max_length=100, unique=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        ordering = ["expires_at"]
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")

    def __str__(self):
        return f"{self.key}: {self.count}"


class YearCounter(models.Model):
    """The last number given in a year to a numbered series (proposal references).

    Taking a number locks the series' row until the transaction ends (on SQLite the
    write transaction, which begins IMMEDIATE, is the lock), so numbers taken at the
    same instant can never be the same.
    """

    series = models.CharField(_("series"), max_length=50)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        ordering = ["series", "year"]
        verbose_name = _("year counter")
        verbose_name_plural = _("year counters")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year"], name="one_counter_per_series_and_year"
            )
        ]

    def __str__(self):
        return f"{self.series} {self.year}: {self.last_number}"

    @classmethod
    def take_next(cls, series, year, at_least=1):
        """The next number of the series this year, never below `at_least`."""
        with transaction.atomic():
            counter, _created = cls.objects.select_for_update().get_or_create(
                series=series, year=year
            )
            counter.last_number = max(counter.last_number + 1, at_least)
            counter.save(update_fields=["last_number"])
        return counter.last_number


def translated_columns(*names):
    """A translated field's own column and its column in every language, for
    `only()` and `defer()` (django-modeltranslation keeps one column per language)."""
    return [
        column
        for name in names
        for column in (name, *(f"{name}_{code}" for code, _name in settings.LANGUAGES))
    ]
