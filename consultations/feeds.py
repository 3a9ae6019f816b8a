"""RSS and Atom feeds of published meetings, in the language of the URL."""

import html

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from core.syndication import PortalFeed

from .models import Meeting, MeetingKind


class MeetingsFeed(PortalFeed):
    title = _("Kenitra openness program: meetings")
    description = _(
        "Consultative meetings of the commune of Kenitra's openness program."
    )

    def link(self):
        return reverse("consultations:meeting_list")

    def items(self):
        return Meeting.objects.published().select_related("venue")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        when = item.date_text
        if item.start:
            when = formats.date_format(
                timezone.localtime(item.start), "DATETIME_FORMAT"
            )
        heading = " — ".join(part for part in (when, str(item.venue or "")) if part)
        summary = html.unescape(strip_tags(item.summary or ""))
        return "\n\n".join(part for part in (heading, summary) if part)

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class MeetingsAtomFeed(MeetingsFeed):
    feed_type = Atom1Feed
    subtitle = MeetingsFeed.description


class CouncilSessionsFeed(MeetingsFeed):
    title = _("Kenitra: sessions of the communal council")
    description = _(
        "Ordinary and extraordinary sessions of the council of Kenitra, their "
        "agenda and, once held, their decisions."
    )

    def items(self):
        return (
            Meeting.objects.published()
            .filter(kind=MeetingKind.COUNCIL)
            .select_related("venue")[:30]
        )


class CouncilSessionsAtomFeed(CouncilSessionsFeed):
    feed_type = Atom1Feed
    subtitle = CouncilSessionsFeed.description
