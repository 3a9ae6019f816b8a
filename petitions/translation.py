"""Translated fields (ar, fr, en) and change history; see projects/translation.py.

The agent's name and contact stay out of the history tables: erasing them from
the petition erases them everywhere (law 09-08).
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from core.models import unsearched_history_fields

from .models import Petition


@register(Petition)
class PetitionTranslation(TranslationOptions):
    fields = ("title", "summary", "decision_reasons")
    required_languages = {"ar": ("title",)}


track_history(
    Petition,
    app="petitions",
    excluded_fields=[
        *unsearched_history_fields(Petition),
        *Petition.personal_data_fields,
    ],
)
