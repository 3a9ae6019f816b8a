"""Translated fields (ar, fr, en) and change history; see projects/translation.py."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from core.models import unsearched_history_fields

from .models import ProactiveItem


@register(ProactiveItem)
class ProactiveItemTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"ar": ("title",)}


track_history(
    ProactiveItem,
    app="disclosure",
    excluded_fields=unsearched_history_fields(ProactiveItem),
)
