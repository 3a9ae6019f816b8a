"""Pending revisions: an editor's change to a published record, kept aside.

Why not django-reversion or simple-history: both record a state once it is saved to
the live tables, and here the live tables must not change until a publisher agrees.
A revision keeps the record's admin form as the editor sent it instead: every
language of every translated field, every inline row (added, changed or deleted) and
every uploaded file. The same form, bound to that input, shows the editor their
change again, shows the publisher what differs from the live record field by field,
and, saved by a publisher, applies it through the admin's own validation. The
history of what went live stays with simple-history.
"""

import datetime

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import FieldDoesNotExist
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.formats import localize
from django.utils.translation import gettext as _

from .history import field_label
from .models import (
    Revision,
    RevisionFile,
    RevisionState,
)
from .permissions import can_publish
from .publishing import is_live, shown_publicly

# Buttons and the CSRF token are not part of what the editor changed.
NOT_INPUT = {
    "csrfmiddlewaretoken",
    "revision",
    "_save",
    "_continue",
    "_addanother",
    "_saveasnew",
}


def holds_revision(user, obj, *, new_parents=()):
    """An editor's change to live content waits for a publisher; theirs go live."""
    if can_publish(user):
        return False
    return is_live(obj) or any(shown_publicly(p) for p in new_parents)


def open_revision(obj):
    if obj is None or obj.pk is None:
        return None
    return Revision.objects.open().for_object(obj).select_related("author").first()


@transaction.atomic
def keep(obj, *, post, files, author, base_version, revision=None):
    """Store (or replace) the open revision of `obj` with this form input."""
    data = {key: post.getlist(key) for key in post if key not in NOT_INPUT}
    if revision is None:
        revision = Revision(content_object=obj)
    revision.data = data
    revision.base_version = base_version or getattr(obj, "version", 1)
    revision.author = author
    revision.state = RevisionState.PENDING
    revision.save()
    for key in files:
        upload = files[key]
        upload.seek(0)
        RevisionFile.objects.update_or_create(
            revision=revision,
            field=key,
            defaults={
                "name": upload.name,
                "content_type": getattr(upload, "content_type", "") or "",
                "content": upload.read(),
            },
        )
        upload.seek(0)
    return revision


def _entries(widget, name, value):
    """(key, values) for each key a browser may send for `widget` showing `value`;
    no values where it sends nothing (an unticked box, no choice, no new file)."""
    if isinstance(widget, RelatedFieldWidgetWrapper):
        widget = widget.widget
    if isinstance(widget, forms.MultiWidget):
        parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        return [
            entry
            for sub, suffix, part in zip(
                widget.widgets, widget.widgets_names, parts, strict=False
            )
            for entry in _entries(sub, name + suffix, part)
        ]
    if isinstance(widget, forms.FileInput):
        return [(name, [])]  # no new file: the form keeps the stored one
    if isinstance(widget, forms.CheckboxInput):
        return [(name, ["on"] if widget.check_test(value) else [])]
    if getattr(widget, "allow_multiple_selected", False):
        return [(name, [str(v) for v in value or ()])]
    if isinstance(value, datetime.date | datetime.time):
        # ISO, which every language's input formats accept (a French date is not).
        return [(name, [value.isoformat()])]
    shown = widget.format_value(value)
    if isinstance(shown, list):  # a choice widget's, one choice at most here
        shown = shown[0] if shown else ""
    return [(name, ["" if shown is None else str(shown)])]


def post_data(form, names=None, *, onto=None):
    """What a browser would send back from `form` as it stands: every field, or only
    `names` written over the input `onto` (a QueryDict).

    A change made outside the admin (the API) is kept in the same shape as the
    admin form's own input, so that the publisher reviews and approves it there.
    """
    post = QueryDict(mutable=True) if onto is None else onto.copy()
    for name in form.fields if names is None else names:
        bound = form[name]
        for key, values in _entries(bound.field.widget, bound.html_name, bound.value()):
            post.setlist(key, values)
    for key in [key for key, values in post.lists() if not values]:
        del post[key]
    return post


def form_input(revision, *, version=None):
    """The revision as a POST body and its files, ready to bind the admin's forms.

    `version` replaces the one the editor started from: the publisher reviews the
    difference with the live record as it is now.
    """
    post = QueryDict(mutable=True)
    for key, values in revision.data.items():
        post.setlist(key, values)
    if version is not None and "edit_version" in post:
        post["edit_version"] = str(version)
    return post, stored_files(revision)


def stored_files(revision):
    return MultiValueDict(
        {
            stored.field: [
                SimpleUploadedFile(
                    stored.name, bytes(stored.content), stored.content_type or None
                )
            ]
            for stored in revision.files.all()
        }
    )


def with_stored_files(files, revision):
    """A publisher's or an editor's new POST keeps the files the revision holds.

    A browser cannot fill a file input again, so a second save would lose them.
    """
    merged = stored_files(revision)
    for key in files:
        merged.setlist(key, files.getlist(key))
    return merged


def approve(revision, *, by):
    revision.state = RevisionState.APPROVED
    revision.reviewed_by = by
    revision.reviewed_at = timezone.now()
    revision.save(update_fields=["state", "reviewed_by", "reviewed_at", "updated_at"])
    # Nothing but a record of what was approved: the files are now in the live rows.
    revision.files.all().delete()


def send_back(revision, *, by, note):
    revision.state = RevisionState.SENT_BACK
    revision.reviewed_by = by
    revision.reviewed_at = timezone.now()
    revision.review_note = note
    revision.save()


# --- What changed ----------------------------------------------------------------------


def _display(field, value):
    if value in (None, "", [], ()):
        return "—"
    if value is True:
        return _("Yes")
    if value is False:
        return _("No")
    choices = getattr(field, "choices", None)
    if choices is not None and not hasattr(value, "pk"):
        labels = {str(key): label for key, label in _flat_choices(choices)}
        if isinstance(value, list | tuple):
            return ", ".join(str(labels.get(str(v), v)) for v in value)
        return str(labels.get(str(value), value))
    if hasattr(value, "all") and callable(value.all):
        return ", ".join(str(v) for v in value.all()) or "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "name") and hasattr(value, "read"):
        return value.name.rsplit("/", 1)[-1]
    return str(localize(value))


def _flat_choices(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield key, label


def _label(form, name, field):
    """The field's name and, for a translated one, its language, as staff read it."""
    try:
        return field_label(form._meta.model._meta.get_field(name))
    except (AttributeError, FieldDoesNotExist):
        return str(field.label)


def _field_changes(form):
    rows = []
    for name in form.changed_data:
        if name in ("edit_version",) or name not in form.fields:
            continue
        field = form.fields[name]
        before = form.initial.get(name, field.initial)
        if hasattr(field, "queryset") and before not in (None, "", []):
            # The initial value of a relation is a primary key or a list of them.
            keys = before if isinstance(before, list | tuple) else [before]
            keys = [getattr(k, "pk", k) for k in keys]
            before = ", ".join(str(o) for o in field.queryset.filter(pk__in=keys))
        else:
            before = _display(field, before)
        after = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
        rows.append(
            {
                "label": _label(form, name, field),
                "before": before,
                "after": _display(field, after),
            }
        )
    return rows


def changes(form, formsets):
    """What a bound admin form and its inline formsets change, for people to read.

    A list of sections: the record itself, then each inline row that is added,
    changed or removed, each with its fields' old and new values.
    """
    form.is_valid()
    sections = []
    fields = _field_changes(form)
    if fields:
        sections.append({"title": str(form.instance), "kind": "", "fields": fields})
    for formset in formsets:
        formset.is_valid()
        model_name = formset.model._meta.verbose_name
        deleted = set(formset.deleted_forms) if formset.can_delete else set()
        for inline_form in formset.forms:
            if inline_form in deleted:
                if inline_form.instance.pk is not None:
                    sections.append(
                        {
                            "title": f"{model_name}: {inline_form.instance}",
                            "kind": _("removed"),
                            "fields": [],
                        }
                    )
                continue
            if not inline_form.has_changed():
                continue
            rows = _field_changes(inline_form)
            if not rows:
                continue
            adding = inline_form.instance.pk is None
            sections.append(
                {
                    "title": f"{model_name}: {inline_form.instance}"
                    if not adding
                    else str(model_name),
                    "kind": _("added") if adding else _("changed"),
                    "fields": rows,
                }
            )
    return sections
