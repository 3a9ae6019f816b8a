"""A change history staff can read: labels and choices in their language, local
times, the people who did it, and the changes to a record's parts under it."""

import dataclasses
import datetime

from django.db.models import ForeignKey
from django.utils import formats, timezone, translation
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from simple_history.models import HistoricalChanges
from simple_history.template_utils import HistoricalRecordContextHelper

# Bookkeeping columns nobody edits: they would only repeat every save.
NOT_SHOWN = {
    "version",
    "search_document",
    "text_fingerprint",
    "updated_at",
    "created_at",
}
LONGEST_VALUE = 120
PARTS_SHOWN = 50


def translated_originals(model):
    """A translated field's own column repeats one of its languages (title_ar…)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    return set(options.all_fields)


def field_label(field):
    """The field's name in the reader's language, and which language it holds."""
    language = getattr(field, "language", None)
    original = getattr(field, "translated_field", None)
    if language is None or original is None:
        return capfirst(field.verbose_name)
    return _("%(field)s (%(language)s)") % {
        "field": capfirst(original.verbose_name),
        "language": str(translation.get_language_info(language)["name_translated"]),
    }


def readable(field, value):
    """A stored value as staff would write it, in the active language."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if getattr(field, "flatchoices", None):
        labels = {str(key): label for key, label in field.flatchoices}
        return str(labels.get(str(value), value))
    if isinstance(value, datetime.datetime):
        return formats.localize(timezone.localtime(value))
    if isinstance(value, datetime.date):
        return formats.localize(value)
    if isinstance(value, list):
        return "، ".join(str(v) for v in value)
    return Truncator(str(value)).chars(LONGEST_VALUE)


class ReadableHistory(HistoricalRecordContextHelper):
    def context_for_delta_changes(self, delta):
        hidden = NOT_SHOWN | translated_originals(self.model)
        shown = [change for change in delta.changes if change.field not in hidden]
        return super().context_for_delta_changes(
            dataclasses.replace(delta, changes=shown)
        )

    def format_delta_change(self, change):
        return dataclasses.replace(
            super().format_delta_change(change),
            field=field_label(self.model._meta.get_field(change.field)),
        )

    def stringify_delta_change_values(self, change, old, new):
        field = self.model._meta.get_field(change.field)
        return readable(field, old), readable(field, new)


def with_changes(records, model):
    """Each record with `history_delta_changes` against the one before it."""
    records = list(records)
    by_object = {}
    for record in reversed(records):
        earlier = by_object.get(record.id)
        if earlier is not None:
            delta = record.diff_against(earlier, foreign_keys_are_objs=True)
            record.history_delta_changes = ReadableHistory(
                model, record
            ).context_for_delta_changes(delta)
        by_object[record.id] = record
    return records


def part_models(model):
    """(child model, its foreign key to `model`) for the parts shown with it."""
    for field in model._meta.related_objects:
        child = field.related_model
        if (
            field.one_to_many
            and isinstance(field.remote_field, ForeignKey)
            and field.remote_field.name in getattr(child, "publication_parents", ())
            and hasattr(child, "history")
            and not issubclass(child, HistoricalChanges)
        ):
            yield child, field.remote_field.name


def parts_history(obj):
    """The newest changes to the parts of `obj` (its goals, milestones, agenda…)."""
    rows = []
    for child, fk_name in part_models(type(obj)):
        records = (
            child.history.filter(**{f"{fk_name}_id": obj.pk})
            .select_related("history_user")
            .order_by("-history_date")[:PARTS_SHOWN]
        )
        for record in with_changes(records, child):
            record.part_kind = child._meta.verbose_name
            rows.append(record)
    rows.sort(key=lambda record: record.history_date, reverse=True)
    return rows[:PARTS_SHOWN]
