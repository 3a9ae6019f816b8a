"""The forms of the content admin: the statuses each user may give, the stale-save
check with what others saved meanwhile, translations to confirm, parts of published
pages and the visibility of documents (core/publishing.py decides)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from . import publishing
from .history import readable
from .models import PublicationStatus, PublishableModel
from .permissions import can_publish
from .translations import (
    ASKED_FOR,
    language_names,
    missing_languages,
    translated_fields,
)

STALE_VERSION_MESSAGE = _(
    "Someone else saved this record while you were editing it, so your changes were "
    "not saved yet. Your input is kept below; their changes are listed next to it. "
    "Merge what you need and save again."
)


class PublicationStatusForm(forms.ModelForm):
    """Offers only the statuses publishing.allowed_statuses gives this user."""

    user = None  # set for each request by the admin

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_status = publishing.stored_status(self.instance)
        field = self.fields.get("publication_status")
        if field is not None:
            allowed = publishing.allowed_statuses(
                self.user, self.instance, self.saved_status
            )
            field.choices = [c for c in field.choices if c[0] in allowed]

    def clean_publication_status(self):
        status = self.cleaned_data["publication_status"]
        try:
            publishing.check_move(
                self.user,
                self.instance,
                status,
                current=self.saved_status,
                note=self.data.get(self.add_prefix("review_note"), "x"),
            )
        except PermissionDenied as error:
            raise ValidationError(str(error), code="cannot_publish") from None
        except ValidationError:
            # The missing note is reported on the note itself (clean()).
            pass
        return status


class PublishableAdminForm(PublicationStatusForm):
    # The version the editor started from, compared with the stored one on save.
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    others_changes = ()  # what others saved since, when a save was refused
    publish_untranslated = forms.BooleanField(
        label=_("Publish even though a translation is missing"),
        required=False,
        help_text=_(
            "The site shows the Arabic text where French or English is missing."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # Read from the database: a reverted history entry carries an old version.
            self.fields["edit_version"].initial = (
                type(self.instance)
                ._default_manager.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            # Locked until the admin's transaction ends, so two saves cannot both pass.
            stored = (
                type(self.instance)
                ._default_manager.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            started_from = cleaned_data.get("edit_version")
            if started_from != stored:
                self.others_changes = self._changes_since(started_from)
                # Saving again after merging is a save from the version now stored.
                self.data = self.data.copy()
                self.data[self.add_prefix("edit_version")] = str(stored)
                raise ValidationError(STALE_VERSION_MESSAGE, code="stale_version")
        status = cleaned_data.get("publication_status")
        self._confirm_missing_translations(cleaned_data, status)
        if status is not None and "review_note" in self.fields:
            try:
                publishing.check_move(
                    self.user,
                    self.instance,
                    status,
                    current=self.saved_status,
                    note=cleaned_data.get("review_note", ""),
                )
            except PermissionDenied:
                pass  # reported on the status by clean_publication_status
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned_data

    def _confirm_missing_translations(self, cleaned_data, status):
        """Publishing without French or English is allowed, once the publisher says so."""
        if status != PublicationStatus.PUBLISHED or self.saved_status == status:
            return
        fields = translated_fields(self._meta.model)
        values = {
            name: cleaned_data.get(name, self.data.get(self.add_prefix(name)))
            for base in fields
            for name in (f"{base}_{code}" for code in ("ar", *ASKED_FOR))
        }
        missing = [c for c in missing_languages(values, fields) if c in ASKED_FOR]
        if missing and not cleaned_data.get("publish_untranslated"):
            self.add_error(
                "publish_untranslated",
                _(
                    "Not translated yet: %(languages)s. Tick the box to publish anyway; "
                    "the site will show the Arabic text there."
                )
                % {"languages": "، ".join(language_names(missing))},
            )

    def _changes_since(self, version):
        """What others saved since `version`: each field, their value and this input."""
        history = getattr(self.instance, "history", None)
        current = (
            type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
        )
        if history is None or current is None or version is None:
            return []
        base = history.filter(version=version).order_by("-history_date").first()
        if base is None:
            return []
        rows = []
        for name, field in self.fields.items():
            if name in ("edit_version", "publish_untranslated") or not hasattr(
                base, name
            ):
                continue
            before, now = getattr(base, name), getattr(current, name)
            # An empty translation is stored as NULL or "" depending on who saved it.
            if before == now or (before in (None, "") and now in (None, "")):
                continue
            model_field = self._meta.model._meta.get_field(name)
            rows.append(
                {
                    "label": str(field.label),
                    "theirs": readable(model_field, now),
                    "yours": readable(
                        model_field, self.data.get(self.add_prefix(name))
                    ),
                }
            )
        return rows


class PartOfAPageForm(forms.ModelForm):
    """A new part of a published page is added on that page, as a revision."""

    def clean(self):
        cleaned_data = super().clean()
        if isinstance(self.instance, PublishableModel):
            return cleaned_data  # its own status keeps it off the site
        parents = [
            cleaned_data.get(name)
            for name in self.instance.publication_parents
            if cleaned_data.get(name) is not None
        ]
        if not can_publish(self.user) and any(
            publishing.shown_publicly(parent) for parent in parents
        ):
            raise ValidationError(
                _(
                    "It belongs to a published page: add it on that page, where a "
                    "publisher reviews the change before it goes live."
                ),
                code="part_of_published_page",
            )
        return cleaned_data


class DocumentVisibilityForm(forms.ModelForm):
    """Only a publisher turns an internal document public (publishing rules)."""

    user = None

    def clean_is_public(self):
        is_public = self.cleaned_data.get("is_public")
        was_public = (
            type(self.instance)
            ._default_manager.filter(pk=self.instance.pk)
            .values_list("is_public", flat=True)
            .first()
            if self.instance.pk
            else False
        )
        try:
            publishing.check_make_public(self.user, was_public, is_public)
        except PermissionDenied as error:
            raise ValidationError(str(error), code="cannot_make_public") from None
        return is_public
