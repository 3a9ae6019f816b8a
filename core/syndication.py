"""What every RSS and Atom feed of the portal shares (RFC 4287, RSS 2.0).

The commune is the author of the feed and of every entry (atom:author, RFC 4287
§4.1.1 and §4.1.2); the feed's id is its own address, so the RSS and Atom feeds of one
list and the feeds of each language have ids of their own; texts lose the control
characters that XML 1.0 cannot hold, which would otherwise make the feed a 500.
"""

import re

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXTS = ("title", "description", "author_name", "comments", "subtitle")


def xml_text(value):
    """`value` without the characters XML 1.0 forbids."""
    return _XML_FORBIDDEN.sub("", value) if isinstance(value, str) else value


class PortalFeed(Feed):
    author_name = _("Commune of Kenitra")

    def item_author_name(self, item):
        return self.author_name

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["id"] = feed.feed["feed_url"]
        for key in _TEXTS:
            feed.feed[key] = xml_text(feed.feed.get(key))
        for item in feed.items:
            for key in _TEXTS:
                item[key] = xml_text(item.get(key))
        return feed
