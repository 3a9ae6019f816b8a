"""Translated fields (a column per language) and change history; see projects/translation.py."""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from core.models import unsearched_history_fields

from .models import (
    AgendaItem,
    Decision,
    Document,
    FollowUpAction,
    Meeting,
    Membership,
    Organization,
    Participation,
    Person,
    Photo,
    PressCoverage,
    Venue,
)


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name", "address", "city")
    required_languages = {"ar": ("name",)}


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"ar": ("name",)}


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "honorific")
    required_languages = {"ar": ("name",)}


@register(Membership)
class MembershipTranslation(TranslationOptions):
    fields = ("role",)
    required_languages = {"ar": ("role",)}


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "date_text", "summary", "attendance_note", "minutes")
    required_languages = {"ar": ("title",)}


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "description", "decision_text")
    required_languages = {"ar": ("title",)}


@register(Participation)
class ParticipationTranslation(TranslationOptions):
    fields = ("role",)


@register(Decision)
class DecisionTranslation(TranslationOptions):
    fields = ("title", "text")
    required_languages = {"ar": ("title",)}


@register(FollowUpAction)
class FollowUpActionTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"ar": ("title",)}


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = {"ar": ("title",)}


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("caption", "alt_text")
    required_languages = {"ar": ("alt_text",)}


for model in (
    Venue,
    Organization,
    Person,
    Membership,
    Meeting,
    AgendaItem,
    Participation,
    Decision,
    FollowUpAction,
    Document,
    Photo,
    PressCoverage,
):
    track_history(
        model, app="consultations", excluded_fields=unsearched_history_fields(model)
    )
