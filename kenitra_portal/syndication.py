"""What every RSS and Atom feed of the portal shares (RFC 4287, RSS 2.0).

The commune is the author of the feed and of every entry (atom:author, RFC 4287
§4.1.1 and §4.1.2); the feed's id is its own address, so the RSS and Atom feeds of one
list and the feeds of each language have ids of their own; texts lose the control
characters that XML 1.0 cannot hold, which would otherwise make the feed a 500.
"""

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Syndication:
    """One feed of the portal in RSS and Atom, and the sections of the site it is news of.

    `sections` are URL namespaces or names (`"consultations"`, `"workshops:proposal_list"`):
    pages there advertise the feed in their <head>; pages of no section advertise all.
    """

    key: str
    title: object
    description: object
    rss: str
    atom: str
    sections: tuple


FEEDS = (
    Syndication(
        "meetings",
        _("Meetings"),
        _("Each meeting once it is announced, and its changes."),
        "meetings_feed",
        "meetings_feed_atom",
        ("consultations",),
    ),
    Syndication(
        "project-updates",
        _("Project updates"),
        _("News of the progress of the openness program's projects."),
        "project_updates_feed",
        "project_updates_feed_atom",
        ("projects:project_list", "projects:project_detail", "projects:axis_detail"),
    ),
    Syndication(
        "workshops",
        _("Workshops"),
        _("Workshops held at the meetings and what came of them."),
        "workshops_feed",
        "workshops_feed_atom",
        ("workshops:workshop_list", "workshops:workshop_detail"),
    ),
    Syndication(
        "proposal-answers",
        _("Answers to proposals"),
        _("The commune's public answer to each proposal, when it is given."),
        "proposal_answers_feed",
        "proposal_answers_feed_atom",
        (
            "workshops:proposal_list",
            "workshops:proposal_detail",
            "workshops:proposal_create",
            "workshops:proposal_follow",
        ),
    ),
)


def feeds_for(resolver_match):
    """The feeds a page advertises: its section's, or all where it has none."""
    if resolver_match is None:
        return FEEDS
    names = {resolver_match.namespace, resolver_match.view_name}
    own = [feed for feed in FEEDS if names.intersection(feed.sections)]
    return own or FEEDS
