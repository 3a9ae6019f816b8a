"""The portal's feeds, each with the sections of the site whose news it carries."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


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
        "council-sessions",
        _("Council sessions"),
        _(
            "Ordinary and extraordinary sessions of the council of Kenitra, their "
            "agenda and, once held, their decisions."
        ),
        "council_feed",
        "council_feed_atom",
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
