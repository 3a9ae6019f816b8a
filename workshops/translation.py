"""Translated fields (a column per language) and change history; see projects/translation.py.

A proposal's own title and text stay in the language the citizen wrote them in;
only the municipality's answer is translated.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from core.models import unsearched_history_fields

from .models import Proposal, Workshop


@register(Workshop)
class WorkshopTranslation(TranslationOptions):
    fields = ("title", "summary", "outcomes", "facilitators_note")
    required_languages = {"ar": ("title",)}


@register(Proposal)
class ProposalTranslation(TranslationOptions):
    fields = ("public_answer",)


track_history(
    Workshop, app="workshops", excluded_fields=unsearched_history_fields(Workshop)
)
# Personal data stays out of the history tables, so erasing it erases it everywhere.
track_history(
    Proposal,
    app="workshops",
    excluded_fields=[
        *unsearched_history_fields(Proposal),
        "text_fingerprint",
        *Proposal.personal_data_fields,
    ],
)
