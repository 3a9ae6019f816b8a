"""Which languages of a record are still missing, for staff at a glance."""

from django.conf import settings
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator

# The site falls back to Arabic; these are the languages staff are asked about.
ASKED_FOR = ("fr", "en")


def translated_fields(model):
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def missing_languages(values, fields):
    """Codes of the languages in which a field written in Arabic is empty.

    `values` maps `title_ar`, `title_fr`… to the record's (or a form's) values.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    missing = []
    for code in settings.MODELTRANSLATION_LANGUAGES:
        if code == default:
            continue
        if any(
            values.get(f"{name}_{default}") and not values.get(f"{name}_{code}")
            for name in fields
        ):
            missing.append(code)
    return missing


def missing_for(obj):
    fields = translated_fields(type(obj))
    values = {
        f"{name}_{code}": getattr(obj, f"{name}_{code}", None)
        for name in fields
        for code in settings.MODELTRANSLATION_LANGUAGES
    }
    return missing_languages(values, fields)


def language_names(codes):
    return [
        str(translation.get_language_info(code)["name_translated"]) for code in codes
    ]
