from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from kenitra_portal.admin import ContentAdmin

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


class MilestoneInline(TranslationTabularInline):
    model = Milestone
    extra = 0
    fields = ("title", "due_date", "done", "order")


class ProjectUpdateInline(TranslationStackedInline):
    model = ProjectUpdate
    extra = 0
    fields = ("date", "title", "text", "progress", "publication_status")


class ProjectImageInline(TranslationTabularInline):
    model = ProjectImage
    extra = 0
    fields = ("image", "alt_text", "caption", "order")


@admin.register(Program)
class ProgramAdmin(ContentAdmin):
    list_display = ("title", "start_date", "end_date", "publication_status")
    list_filter = ("publication_status",)
    search_fields = ("title",)
    prepopulated_fields = {"slug": ("title_ar",)}


@admin.register(Axis)
class AxisAdmin(ContentAdmin):
    list_display = ("number", "title", "program", "publication_status", "updated_at")
    list_display_links = ("number", "title")
    list_filter = ("program", "publication_status")
    list_select_related = ("program",)
    search_fields = ("title",)
    prepopulated_fields = {"slug": ("title_ar",)}
    inlines = [GoalInline]


@admin.register(Project)
class ProjectAdmin(ContentAdmin):
    list_display = (
        "title",
        "axis",
        "status",
        "progress",
        "publication_status",
        "updated_at",
    )
    list_filter = ("axis", "status", "publication_status")
    list_select_related = ("axis",)
    search_fields = ("title", "summary")
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
    search_fields = ("title",)
    autocomplete_fields = ("axis", "project")


@admin.register(Milestone)
class MilestoneAdmin(ContentAdmin):
    list_display = ("title", "project", "due_date", "done")
    list_filter = ("done",)
    list_select_related = ("project",)
    search_fields = ("title",)
    autocomplete_fields = ("project",)


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(ContentAdmin):
    list_display = ("title", "project", "date", "publication_status")
    list_filter = ("publication_status",)
    list_select_related = ("project",)
    date_hierarchy = "date"
    search_fields = ("title",)
    autocomplete_fields = ("project",)


@admin.register(ProjectImage)
class ProjectImageAdmin(ContentAdmin):
    list_display = ("__str__", "project", "order")
    list_select_related = ("project",)
    autocomplete_fields = ("project",)
