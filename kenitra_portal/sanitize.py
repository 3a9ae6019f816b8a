"""Staff rich text: an allow-list of tags and attributes, applied on every save.

The fields listed in RICH_TEXT_FIELDS hold sanitised HTML; templates show them with
the `rich_text` filter (kenitra_portal/templatetags/rich_text.py). Every other text
field is plain text and is escaped by the templates as usual.
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

# model label → fields written by staff in the admin as rich text.
RICH_TEXT_FIELDS = {
    "projects.Program": ("description",),
    "projects.Axis": ("description", "goals_intro"),
    "projects.Project": ("description",),
    "projects.ProjectUpdate": ("text",),
    "consultations.Organization": ("description",),
    "consultations.Meeting": ("minutes",),
    "consultations.AgendaItem": ("description",),
    "consultations.Decision": ("text",),
    "workshops.Workshop": ("outcomes",),
}
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
    fields = RICH_TEXT_FIELDS.get(sender._meta.label)
    if not fields:
        return
    for name in fields:
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
    pre_save.connect(sanitize_instance, dispatch_uid="kenitra_portal.sanitize")
