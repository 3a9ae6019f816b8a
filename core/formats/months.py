"""The month names Django's date filter looks up, listed so our catalogue keeps them.

Django's own Arabic catalogue has the Mashriq names (مايو، يوليو، أغسطس…); Morocco
writes ماي، يوليوز، غشت…, so locale/ar translates these msgids again, and LOCALE_PATHS
wins over Django's catalogue. `makemessages --no-obsolete` drops any msgid it does not
find in our sources: naming them here keeps them.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The `F` date format.
MONTHS = (
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
)
# The `E` date format (a month's name inside a full date, in languages that inflect it).
ALT_MONTHS = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
# The `N` date format (Associated Press abbreviations).
ABBREVIATED_MONTHS = (
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
)
