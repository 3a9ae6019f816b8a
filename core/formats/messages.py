"""Django's own messages that a citizen can read, listed so our catalogue keeps them.

Django ships no catalogue for Tamazight (zgh): without these entries in locale/zgh,
a form's errors would be in English on a Tamazight page. The other languages give
them as Django's own catalogues do. Like months.py, naming them here keeps them
through `makemessages --no-obsolete`.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# django.forms.fields and django.core.validators, as the proposal form and the
# list filters show them.
FORM_ERRORS = (
    _("This field is required."),
    _("Enter a valid email address."),
    _("Enter a valid value."),
    _("Select a valid choice. That choice is not one of the available choices."),
    _("Select a valid choice. %(value)s is not one of the available choices."),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has "
        "%(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has "
        "%(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has "
        "%(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has "
        "%(show_value)d).",
        "limit_value",
    ),
)
