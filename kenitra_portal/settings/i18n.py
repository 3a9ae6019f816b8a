"""Languages, formats and time: Arabic first, then French, English and Tamazight."""

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from .env import BASE_DIR

LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
    ("zgh", _("Standard Moroccan Tamazight")),
]
# Django ships no locale data for Standard Moroccan Tamazight (ISO 639-3 zgh, written
# in Tifinagh, left to right): its name in itself for the switcher, as in CLDR. Its
# formats are in core/formats/zgh, its catalogue in locale/zgh.
LANG_INFO.setdefault(
    "zgh",
    {
        "bidi": False,
        "code": "zgh",
        "name": "Standard Moroccan Tamazight",
        "name_local": "ⵜⴰⵎⴰⵣⵉⵖⵜ",
    },
)
LOCALE_PATHS = [BASE_DIR / "locale"]
# Moroccan month names and Western digits for Arabic live in our own format module.
FORMAT_MODULE_PATH = ["core.formats"]
# A refused form's CSRF check gets the portal's own page, in the visitor's language.
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# A text missing in another language shows the Arabic one, never an empty title.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ar",)
# modeltranslation's tabs default to jQuery UI on an outside CDN; ours is served here
# (django-static-jquery-ui).
JQUERY_UI_URL = "jquery-ui/jquery-ui.min.js"
