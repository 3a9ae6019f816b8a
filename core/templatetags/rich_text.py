"""Shows the staff rich text fields listed in core.sanitize."""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.safestring import mark_safe

from core.sanitize import sanitize_html

register = template.Library()


@register.filter
def rich_text(value):
    """Sanitised HTML as HTML; text typed without tags keeps its paragraphs."""
    if not value:
        return ""
    # Sanitised again on output, so a value saved before sanitising existed is safe.
    clean = sanitize_html(value)
    if "<" not in clean:
        # nh3 has already escaped &, < and >, so linebreaks must not escape again.
        return linebreaks_filter(mark_safe(clean), autoescape=False)  # noqa: S308
    return mark_safe(clean)  # noqa: S308
