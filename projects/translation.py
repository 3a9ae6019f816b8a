"""Translated fields (a column per language) and change history, registered together.

History is registered here, after modeltranslation has added the per-language
columns, so that the history tables track every language.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from core.models import unsearched_history_fields

from .models import Axis, Goal, Milestone, Program, Project, ProjectImage, ProjectUpdate


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = {"ar": ("title",)}


@register(Axis)
class AxisTranslation(TranslationOptions):
    fields = ("title", "description", "goals_intro")
    required_languages = {"ar": ("title",)}


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "lead_department", "location")
    required_languages = {"ar": ("title",)}


@register(Goal)
class GoalTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"ar": ("title",)}


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"ar": ("title",)}


@register(ProjectUpdate)
class ProjectUpdateTranslation(TranslationOptions):
    fields = ("title", "text")
    required_languages = {"ar": ("title",)}


@register(ProjectImage)
class ProjectImageTranslation(TranslationOptions):
    fields = ("caption", "alt_text")
    required_languages = {"ar": ("alt_text",)}


for model in (Program, Axis, Project, Goal, Milestone, ProjectUpdate, ProjectImage):
    track_history(
        model, app="projects", excluded_fields=unsearched_history_fields(model)
    )
