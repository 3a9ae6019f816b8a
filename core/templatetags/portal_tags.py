"""Template tags for the public site: language switching, fallback marks, bidi isolation."""

import re

from django import template
from django.conf import settings
from django.core.files.images import get_image_dimensions
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from easy_thumbnails.files import get_thumbnailer

register = template.Library()

_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# A run of Latin words, digits and the punctuation that belongs inside them
# ("UNESCO", "2024", "45%", "www.kenitra.ma", "Al-Massira 2"): inside Arabic text
# such a run is reordered by the bidi algorithm unless it is isolated.
_LATIN_RUN = re.compile(
    r"[A-Za-z0-9\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f@&:./%+\-_' ]*"
    r"[A-Za-z0-9\u00c0-\u024f%])?"
)
_OPEN_GRAPH_LOCALES = {"ar": "ar_MA", "fr": "fr_MA", "en": "en_GB"}


@register.simple_tag(takes_context=True)
def translated_path(context, code):
    """The page being shown, in language `code`, with its query string."""
    request = context.get("request")
    if request is None:
        return f"/{code}/"
    path = request.get_full_path()
    translated = translate_url(path, code)
    if translated == path:
        # A page that does not resolve (a 404) still switches language by its prefix.
        current = get_language()
        prefix = f"/{current}/"
        if path.startswith(prefix):
            translated = f"/{code}/{path.removeprefix(prefix)}"
    return translated


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


@register.simple_tag
def open_graph_locale(code):
    return _OPEN_GRAPH_LOCALES.get(code, code)


@register.simple_tag
def tr_attrs(obj, field):
    """` lang="ar" dir="rtl"` when `obj.field` is the Arabic fallback of a missing text.

    modeltranslation shows the Arabic value where the active language's is empty;
    screen readers and the bidi algorithm need to know that the text is Arabic.
    """
    language = get_language()
    if obj is None or language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return ""
    own = getattr(obj, f"{field}_{language}", None)
    fallback = getattr(obj, f"{field}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}", "")
    if not own and fallback:
        return mark_safe(' lang="ar" dir="rtl"')
    return ""


@register.filter(is_safe=True)
def isolate_latin(text):
    """Escape `text` and wrap its Latin and numeric runs in <bdi> if it is Arabic."""
    if text is None:
        return ""
    text = str(text)
    if not _ARABIC_LETTER.search(text):
        return conditional_escape(text)
    parts = []
    position = 0
    for match in _LATIN_RUN.finditer(text):
        parts.append(conditional_escape(text[position : match.start()]))
        parts.append(format_html("<bdi>{}</bdi>", match.group()))
        position = match.end()
    parts.append(conditional_escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


@register.simple_tag
def elided_page_range(page_obj):
    """Page numbers around the current one, with … for the long stretches between."""
    return page_obj.paginator.get_elided_page_range(page_obj.number)


@register.simple_tag
def thumbnail_img(
    image, alias, alt, extra_attributes="", css_class="img-fluid rounded"
):
    """A lazy-loaded <img> of `image`'s thumbnail `alias` with its width and height.

    easy_thumbnails looks a thumbnail's size up in its database table, one query per
    image; reading the size from the thumbnail file keeps a gallery's page at a fixed
    number of queries however many photos it has.
    """
    thumbnail = get_thumbnailer(image)[alias]
    with thumbnail.storage.open(thumbnail.name) as file:
        width, height = get_image_dimensions(file)
    return format_html(
        '<img class="{}" src="{}" width="{}" height="{}" loading="lazy" alt="{}"{}>',
        css_class,
        thumbnail.url,
        width,
        height,
        alt,
        extra_attributes,
    )
