"""Staff rich text: an allow-list of tags and attributes, applied on every save.

A model names its rich-text fields in `rich_text_fields`; they hold sanitised HTML
and templates show them with the `rich_text` filter (core/templatetags/rich_text.py).
Every other text field is plain text and is escaped by the templates as usual.
"""

import nh3
from django.conf import settings
from django.db.models.signals import pre_save

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "bdi",
    "span",
}
# `dir` and `lang` let staff mark a French passage inside Arabic text; no `style`,
# no `class`, no event handlers.
ALLOWED_ATTRIBUTES = {
    "*": {"dir", "lang"},
    "a": {"href", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

# A proposal's public answer is plain text: it goes into e-mails as well as pages.


def sanitize_html(value):
    if not value:
        return value
    return nh3.clean(
        str(value),
        tags=ALLOWED_TAGS,
        # Script and style text would otherwise be left behind as visible text.
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def sanitize_instance(sender, instance, **kwargs):
    for name in getattr(sender, "rich_text_fields", ()):
        # The base column and each language's column (modeltranslation) are stored.
        if instance.__dict__.get(name):
            instance.__dict__[name] = sanitize_html(instance.__dict__[name])
        for code, _label in settings.LANGUAGES:
            localized = f"{name}_{code}"
            if instance.__dict__.get(localized):
                instance.__dict__[localized] = sanitize_html(
                    instance.__dict__[localized]
                )


def connect():
    pre_save.connect(sanitize_instance, dispatch_uid="core.sanitize")
