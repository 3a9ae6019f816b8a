from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from core.admin import (
    ContentAdmin,
    PublishableInlineMixin,
    image_preview,
    in_every_language,
)

from .models import Axis, Goal, Milestone, Program, Project, ProjectImage, ProjectUpdate


class GoalInline(TranslationTabularInline):
    model = Goal
    extra = 0
    fields = ("title", "project", "order")
    autocomplete_fields = ("project",)


class ProjectGoalInline(TranslationTabularInline):
    model = Goal
    extra = 0
    fields = ("title", "axis", "order")
    autocomplete_fields = ("axis",)


class MilestoneInline(TranslationTabularInline):
    model = Milestone
    extra = 0
    fields = ("title", "due_date", "done", "order")


class ProjectUpdateInline(PublishableInlineMixin, TranslationStackedInline):
    model = ProjectUpdate
    extra = 0
    fields = ("date", "title", "text", "progress", "publication_status")


class ProjectImageInline(TranslationTabularInline):
    model = ProjectImage
    extra = 0
    fields = ("image", "alt_text", "caption", "order")


@admin.register(Program)
class ProgramAdmin(ContentAdmin):
    list_display = (
        "title",
        "start_date",
        "end_date",
        "publication_status",
        "last_edited_by",
        "updated_at",
    )
    list_select_related = ("last_edited_by",)
    search_fields = in_every_language("title")
    prepopulated_fields = {"slug": ("title_ar",)}


@admin.register(Axis)
class AxisAdmin(ContentAdmin):
    list_display = (
        "number",
        "title",
        "program",
        "publication_status",
        "last_edited_by",
        "updated_at",
    )
    list_display_links = ("number", "title")
    list_filter = ("program",)
    list_select_related = ("program", "last_edited_by")
    search_fields = in_every_language("title")
    prepopulated_fields = {"slug": ("title_ar",)}
    readonly_fields = ("cover_preview",)
    inlines = [GoalInline]

    @admin.display(description=_("cover preview"))
    def cover_preview(self, obj):
        return image_preview(obj.cover)


@admin.register(Project)
class ProjectAdmin(ContentAdmin):
    list_display = (
        "title",
        "axis",
        "status",
        "progress",
        "start_date",
        "end_date",
        "publication_status",
        "last_edited_by",
        "updated_at",
    )
    list_filter = ("axis", "status")
    list_select_related = ("axis", "last_edited_by")
    search_fields = (*in_every_language("title"), "slug")
    prepopulated_fields = {"slug": ("title_ar",)}
    autocomplete_fields = ("axis",)
    inlines = [
        ProjectGoalInline,
        MilestoneInline,
        ProjectUpdateInline,
        ProjectImageInline,
    ]


@admin.register(Goal)
class GoalAdmin(ContentAdmin):
    list_display = ("title", "axis", "project", "order")
    list_filter = ("axis",)
    list_select_related = ("axis", "project")
    search_fields = in_every_language("title")
    autocomplete_fields = ("axis", "project")


@admin.register(Milestone)
class MilestoneAdmin(ContentAdmin):
    list_display = ("title", "project", "due_date", "done")
    list_filter = ("done",)
    list_select_related = ("project",)
    date_hierarchy = "due_date"
    search_fields = (*in_every_language("title"), "project__title_ar")
    autocomplete_fields = ("project",)


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(ContentAdmin):
    list_display = (
        "title",
        "project",
        "date",
        "publication_status",
        "last_edited_by",
    )
    list_select_related = ("project", "last_edited_by")
    date_hierarchy = "date"
    search_fields = (*in_every_language("title"), "project__title_ar")
    autocomplete_fields = ("project",)


@admin.register(ProjectImage)
class ProjectImageAdmin(ContentAdmin):
    list_display = ("__str__", "project", "order")
    list_select_related = ("project",)
    search_fields = ("alt_text_ar", "caption_ar", "project__title_ar")
    autocomplete_fields = ("project",)
    readonly_fields = ("image_preview",)

    @admin.display(description=_("preview"))
    def image_preview(self, obj):
        return image_preview(obj.image)
