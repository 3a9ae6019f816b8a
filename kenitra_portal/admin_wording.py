"""Django's admin strings that the portal words again, listed so our catalogue keeps them.

Django's Arabic reads "أضِف الهدف آخر" for "Add another Goal" (our model names carry
the article, ال), so locale/ar says it another way; LOCALE_PATHS win over Django's
catalogue, and `makemessages --no-obsolete` keeps a msgid only if it finds it in our
sources: naming them here keeps them.
"""

from django.utils.translation import gettext_lazy as _

REWORDED = (
    _("Add another %(verbose_name)s"),
    _("Add another %(model)s"),
)
