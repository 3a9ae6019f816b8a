"""The public proposal form and the form to follow a proposal by its reference."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.textclean import clean_text
from projects.models import Axis

from .models import (
    REFERENCE_PREFIX,
    Proposal,
    ProposalStatus,
    Workshop,
    fingerprint_text,
    parse_reference,
)

TITLE_MIN_LENGTH = 5
TEXT_MIN_LENGTH = 20
TEXT_MAX_LENGTH = 5000
# The form's signed "shown at" time is honoured for a day; an older page gets a
# fresh one and is sent again.
FORM_TOKEN_MAX_AGE = 24 * 60 * 60
FORM_TOKEN_SALT = "workshops.proposal-form"  # noqa: S105 - a namespace, not a secret

# Phones offer Arabic-Indic and Persian digits; numbers are stored with 0-9.
_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + n): str(n) for n in range(10)},
        **{chr(0x06F0 + n): str(n) for n in range(10)},
    }
)


class CitizenTextField(forms.CharField):
    """Text as typed, without what no page, feed or file can carry (textclean.py)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = clean_text(value)
        return super().to_python(value)


class PhoneField(CitizenTextField):
    def to_python(self, value):
        return super().to_python(value).translate(_DIGITS)


class TelInput(forms.TextInput):
    input_type = "tel"


def new_form_token():
    return signing.dumps(time.time(), salt=FORM_TOKEN_SALT)


class ProposalForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I agree that the commune of Kenitra keeps my name and contact details "
            "to follow up on this proposal, as the privacy page explains."
        ),
        error_messages={
            "required": _(
                "Your proposal can only be received with your consent to the "
                "processing of your personal data."
            )
        },
    )
    # Nobody sees this field (it is hidden and skipped by the keyboard); scripts that
    # fill in every field give themselves away.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)
    title = CitizenTextField(
        label=_("Title of your proposal"),
        min_length=TITLE_MIN_LENGTH,
        max_length=200,
        error_messages={"required": _("Give your proposal a title.")},
    )
    text = CitizenTextField(
        label=_("Your proposal"),
        error_messages={"required": _("Fill in your proposal.")},
        help_text=_("Say what you propose, where, and why."),
        min_length=TEXT_MIN_LENGTH,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    submitter_name = CitizenTextField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Write your name: staff answer a person.")},
    )
    submitter_association = CitizenTextField(
        label=_("Association (optional)"), max_length=200, required=False
    )
    submitter_phone = PhoneField(
        label=_("Phone (optional)"),
        max_length=30,
        required=False,
        widget=TelInput,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 .()-]{5,28}$",
                _("Write the phone number with digits, for example 0612345678."),
            )
        ],
    )

    class Meta:
        model = Proposal
        fields = [
            "axis",
            "title",
            "text",
            "workshop",
            "submitter_name",
            "submitter_association",
            "submitter_email",
            "submitter_phone",
        ]
        labels = {
            "axis": _("Axis of the program"),
            "workshop": _("Workshop (if the proposal comes from one)"),
            "submitter_email": _("E-mail (optional)"),
        }
        help_texts = {
            "submitter_email": _(
                "Leave an e-mail address to be told when your proposal is answered."
            ),
        }
        error_messages = {
            "axis": {"required": _("Choose the axis your proposal is about.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["axis"].queryset = Axis.objects.published()
        fields["axis"].empty_label = _("Choose an axis")
        fields["workshop"].queryset = Workshop.objects.published()
        fields["workshop"].empty_label = _("No workshop")
        for name, field in fields.items():
            if name in {"started", "website", "consent"}:
                continue
            css = (
                "form-select"
                if isinstance(field.widget, forms.Select)
                else "form-control"
            )
            field.widget.attrs.setdefault("class", css)
            # Whatever the citizen types, in Arabic or French, lays out by itself.
            field.widget.attrs.setdefault("dir", "auto")
        fields["consent"].widget.attrs["class"] = "form-check-input"
        fields["submitter_email"].widget.attrs.update(
            {"autocomplete": "email", "dir": "ltr"}
        )
        fields["submitter_phone"].widget.attrs.update(
            {"autocomplete": "tel", "dir": "ltr"}
        )
        fields["submitter_name"].widget.attrs["autocomplete"] = "name"
        fields["submitter_association"].widget.attrs["autocomplete"] = "organization"

    def clean_text(self):
        text = self.cleaned_data["text"]
        fingerprint = fingerprint_text(text)
        self.duplicate_of = (
            Proposal.objects.filter(text_fingerprint=fingerprint).first()
            if fingerprint
            else None
        )
        if self.duplicate_of is not None:
            raise ValidationError(
                _(
                    "This proposal has already been received, thank you. If you sent "
                    "it, follow it with the reference you were given."
                ),
                code="duplicate",
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise ValidationError(
                _("Your proposal could not be received. Please try again."), code="bot"
            )
        try:
            shown_at = signing.loads(
                cleaned.get("started") or "",
                salt=FORM_TOKEN_SALT,
                max_age=FORM_TOKEN_MAX_AGE,
            )
        except signing.SignatureExpired:
            raise ValidationError(
                _(
                    "The form was open for a long time. Please check it and send it again."
                ),
                code="expired",
            ) from None
        except signing.BadSignature:
            raise ValidationError(
                _("Your proposal could not be received. Please try again."), code="bot"
            ) from None
        # A form with a field to fill in says so; only a complete one sent too soon
        # is taken for a robot's (a person who pressed "send" at once needs to hear
        # what is missing, not that they were fast).
        if self.errors:
            return cleaned
        if time.time() - float(shown_at) < settings.PROPOSAL_MIN_FILL_SECONDS:
            raise ValidationError(
                _(
                    "The form was sent too quickly to have been filled in by hand. "
                    "Please check it and send it again."
                ),
                code="too_fast",
            )
        return cleaned

    def full_clean(self):
        super().full_clean()
        # Mark each wrong field, and tie it to its message for screen readers.
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            attrs = self.fields[name].widget.attrs
            attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
            described_by = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            attrs["aria-describedby"] = " ".join(described_by)

    @property
    def caught_a_script(self):
        return self.has_error(NON_FIELD_ERRORS, "bot") or self.has_error(
            NON_FIELD_ERRORS, "too_fast"
        )

    def proposal_data(self):
        """The cleaned values that belong on the Proposal, for services.submit_proposal."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class FollowForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference of your proposal"),
        max_length=30,
        widget=forms.TextInput(
            attrs={
                "class": "form-control",
                "dir": "ltr",
                "autocomplete": "off",
                "placeholder": f"{REFERENCE_PREFIX}-2026-0042",
                "spellcheck": "false",
            }
        ),
    )

    def clean_reference(self):
        reference = parse_reference(self.cleaned_data["reference"])
        if reference is None:
            raise ValidationError(
                _("A reference looks like %(example)s."),
                params={"example": f"{REFERENCE_PREFIX}-2026-0042"},
                code="invalid",
            )
        return reference


class ProposalFilterForm(forms.Form):
    """The public list's filters; the axes come from the view, already fetched."""

    axis = forms.ChoiceField(label=_("Axis"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *ProposalStatus.choices],
    )

    def __init__(self, *args, axes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axis"].choices = [
            ("", _("All axes")),
            *((axis.slug, axis.title) for axis in axes),
        ]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"
