from django.db import models
from django.db.models import Avg, Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import (
    FollowsParentQuerySet,
    PublicationStatus,
    PublishableModel,
    PublishableQuerySet,
    SearchableModel,
    TimeStampedModel,
)
from core.uploads import SafeImageField


class Program(PublishableModel):
    """An action plan of the openness program; a later plan is a new row."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    rich_text_fields = ("description",)

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="program_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:home")


class AxisQuerySet(PublishableQuerySet):
    def with_project_stats(self):
        """Published projects per axis and their average progress, in one query.

        Each figure is a subquery on one axis's projects, which the index
        `project_published_figures` answers alone, where a join grouped by axis
        would read every project's row.
        """
        published = (
            Project.objects.filter(
                axis=OuterRef("pk"), publication_status=PublicationStatus.PUBLISHED
            )
            .order_by()
            .values("axis")
        )
        return self.annotate(
            project_count=Coalesce(
                Subquery(published.annotate(count=Count("*")).values("count")), 0
            ),
            average_progress=Subquery(
                published.annotate(average=Avg("progress")).values("average")
            ),
        )

    def with_goal_count(self):
        """The published goals of each axis, counted by a subquery of the same
        query."""
        goals = (
            Goal.objects.published()
            .filter(axis=OuterRef("pk"))
            .order_by()
            .values("axis")
        )
        return self.annotate(
            goal_count=Coalesce(
                Subquery(goals.annotate(count=Count("*")).values("count")), 0
            )
        )


class Axis(PublishableModel):
    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        related_name="axes",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)
    goals_intro = models.TextField(_("introduction to the goals"), blank=True)
    icon = models.CharField(
        _("icon"),
        max_length=40,
        blank=True,
        help_text=_("Name of the icon shown on the axis card."),
    )
    cover = SafeImageField(_("cover image"), upload_to="axes/", blank=True)

    objects = AxisQuerySet.as_manager()

    rich_text_fields = ("description", "goals_intro")

    class Meta:
        ordering = ["program", "number"]
        verbose_name = _("axis")
        verbose_name_plural = _("axes")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "number"], name="axis_number_unique_in_program"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Its projects' and goals' documents hold the axis's title (search_fields).
        for model, rows in ((Project, self.projects.all()), (Goal, self.goals.all())):
            for row in rows:
                row.axis = self
                model.objects.filter(pk=row.pk).update(
                    search_document=row.build_search_document()
                )

    def get_absolute_url(self):
        return reverse("projects:axis_detail", kwargs={"slug": self.slug})


class ProjectStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    SUSPENDED = "suspended", _("Suspended")


class ProjectQuerySet(PublishableQuerySet):
    def for_axis(self, axis):
        return self.filter(axis=axis)


class Project(SearchableModel, PublishableModel):
    axis = models.ForeignKey(
        Axis, verbose_name=_("axis"), on_delete=models.PROTECT, related_name="projects"
    )
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProjectStatus.choices,
        default=ProjectStatus.PROPOSED,
        db_index=True,
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, help_text=_("From 0 to 100.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget (MAD)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    lead_department = models.CharField(_("lead department"), max_length=255, blank=True)
    location = models.CharField(_("location"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order in its axis"), default=0)

    objects = ProjectQuerySet.as_manager()

    # Axes are not searched on their own: a project is found by its axis's title
    # too, so "الرقمنة" finds the digital open days of the digitalisation axis.
    search_fields = (
        "title",
        "summary",
        "description",
        "lead_department",
        "location",
        "axis.title",
    )
    search_kind = "projects"
    search_order = 10
    search_related = ("axis",)
    search_snippet_fields = ("summary", "description", "axis.title", "title")

    rich_text_fields = ("description",)

    class Meta:
        ordering = ["axis__program", "axis__number", "order", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        # The home page reads its figures and each axis's first projects from
        # these alone, however many projects there are.
        indexes = [
            models.Index(
                fields=["axis", "status", "progress"],
                condition=Q(publication_status=PublicationStatus.PUBLISHED),
                name="project_published_figures",
            ),
            # modeltranslation adds the same index for each language's title
            # (project_published_in_order-ar, …): the projects list's order is
            # read from it, not from every published row (12 ms at 10,000).
            models.Index(
                fields=["axis", "order", "title", "id"],
                condition=Q(publication_status=PublicationStatus.PUBLISHED),
                name="project_published_in_order",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="project_progress_0_100",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="project_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="project_budget_not_negative",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:project_detail", kwargs={"slug": self.slug})

    def search_parent(self):
        return self.axis


class Goal(SearchableModel, TimeStampedModel):
    """A goal of an axis; shown wherever its axis is, so it has no state of its own."""

    axis = models.ForeignKey(
        Axis, verbose_name=_("axis"), on_delete=models.CASCADE, related_name="goals"
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
    )
    title = models.CharField(_("goal"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = ("title", "axis.title", "project.title")
    search_kind = "goals"
    search_order = 15
    search_related = ("axis", "project")
    search_snippet_fields = ("title", "project.title", "axis.title")
    search_recent = ()

    # Shown with its axis, and with its project when it has one.
    publication_parents = ("axis", "project")
    objects = FollowsParentQuerySet.as_manager()

    class Meta:
        ordering = ["axis", "order", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.axis.get_absolute_url()

    @classmethod
    def search_public(cls):
        return cls._default_manager.filter(
            axis__publication_status=PublicationStatus.PUBLISHED
        )

    def search_parent(self):
        if self.project_id and self.project.is_published:
            return self.project
        return self.axis


class Milestone(TimeStampedModel):
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    title = models.CharField(_("title"), max_length=255)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    publication_parents = ("project",)
    objects = FollowsParentQuerySet.as_manager()

    class Meta:
        ordering = ["project", "order", "due_date", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.project.get_absolute_url()


class ProjectUpdate(PublishableModel):
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"), blank=True)
    progress = models.PositiveSmallIntegerField(
        _("progress at that date (%)"), null=True, blank=True
    )

    rich_text_fields = ("text",)
    publication_parents = ("project",)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True)
                | (Q(progress__gte=0) & Q(progress__lte=100)),
                name="project_update_progress_0_100",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.project.get_absolute_url()


class ProjectImage(TimeStampedModel):
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="images",
    )
    image = SafeImageField(_("image"), upload_to="projects/")
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    alt_text = models.CharField(
        _("text alternative"),
        max_length=255,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    publication_parents = ("project",)
    objects = FollowsParentQuerySet.as_manager()

    class Meta:
        ordering = ["project", "order", "id"]
        verbose_name = _("project image")
        verbose_name_plural = _("project images")

    def __str__(self):
        return self.caption or self.alt_text

    def get_absolute_url(self):
        return self.project.get_absolute_url()
