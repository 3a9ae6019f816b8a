"""The feeds a page advertises in its <head>."""

from django import template

from kenitra_portal.syndication import feeds_for

register = template.Library()


@register.simple_tag(takes_context=True)
def page_feeds(context):
    """This page's section's feeds, or all of them (see syndication.feeds_for)."""
    request = context.get("request")
    return feeds_for(getattr(request, "resolver_match", None))
